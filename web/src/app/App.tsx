import { BrowserRouter } from 'react-router';
import { AppThemeProvider } from './theme';
import { SessionProvider, useSession } from './session';
import { CurrentUserProvider, useCurrentUser } from './current-user';
import { AppRoutes } from './routes';
import { LoginPage } from '../features/auth/LoginPage';
import { FeedProvider } from '../features/activity/FeedProvider';
import { NotificationsProvider } from '../components/Notifications';

function SignedIn() {
  const { ws } = useSession();
  const me = useCurrentUser();
  return (
    <FeedProvider connection={ws} selfId={me.id}>
      <AppRoutes />
    </FeedProvider>
  );
}

function Gate() {
  const { token } = useSession();
  if (!token) return <LoginPage />;
  return (
    <CurrentUserProvider key={token}>
      <SignedIn />
    </CurrentUserProvider>
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
