import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startFirstScreen } from './app/first-screen';
import { createSessionClient } from './app/session';

// Built before React renders: a signed-in reload sends `me` and loads its screen's chunks at once.
const sessionClient = createSessionClient();
if (sessionClient.current.token) startFirstScreen(sessionClient.client, window.location);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App sessionClient={sessionClient} />
  </StrictMode>,
);
