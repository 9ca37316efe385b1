import { lazy, Suspense } from 'react';
import { BrowserRouter } from 'react-router';
import { AppThemeProvider } from './theme';
import { SessionProvider, useSession } from './session';
import { LoginPage } from '../features/auth/LoginPage';
import { NotificationsProvider } from '../components/Notifications';
import { LoadingState } from '../components/States';

const SignedInApp = lazy(() => import('./SignedInApp'));

function Gate() {
  const { token } = useSession();
  if (!token) return <LoginPage />;
  return (
    <Suspense fallback={<LoadingState label="Loading Converge…" />}>
      <SignedInApp token={token} />
    </Suspense>
  );
}

export function App() {
  return (
    <AppThemeProvider>
      <BrowserRouter>
        <SessionProvider>
          <NotificationsProvider>
            <Gate />
          </NotificationsProvider>
        </SessionProvider>
      </BrowserRouter>
    </AppThemeProvider>
  );
}
