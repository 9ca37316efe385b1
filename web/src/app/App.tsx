import { BrowserRouter } from 'react-router';
import { AppThemeProvider } from './theme';
import { SessionProvider, useSession, type SessionClient } from './session';
import { LoginPage } from '../features/auth/LoginPage';
import { NotificationsProvider } from '../components/Notifications';
import { Loaded } from './loader';
import { shellModule } from './shell-module';

function Gate() {
  const { token } = useSession();
  if (!token) return <LoginPage />;
  return (
    <Loaded source={shellModule} label="Loading Converge…">
      {(m) => <m.default token={token} />}
    </Loaded>
  );
}

export function App({ sessionClient }: { sessionClient?: SessionClient }) {
  return (
    <AppThemeProvider>
      <BrowserRouter>
        <SessionProvider sessionClient={sessionClient}>
          <NotificationsProvider>
            <Gate />
          </NotificationsProvider>
        </SessionProvider>
      </BrowserRouter>
    </AppThemeProvider>
  );
}
