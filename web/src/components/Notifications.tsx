import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';

interface Notice {
  id: number;
  message: string;
  severity: 'success' | 'info' | 'error';
  action?: { label: string; run(): void };
}

type Notify = (message: string, options?: { severity?: Notice['severity']; action?: Notice['action'] }) => void;

const NotifyContext = createContext<Notify>(() => undefined);

export function useNotify(): Notify {
  return useContext(NotifyContext);
}

/** One snackbar for the app: confirmations, errors, and "Undo" after a delete. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback<Notify>((message, options) => {
    setNotice({ id: Date.now(), message, severity: options?.severity ?? 'success', action: options?.action });
  }, []);
  const close = () => setNotice(null);
  const value = useMemo(() => notify, [notify]);
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <Snackbar key={notice?.id} open={!!notice} autoHideDuration={notice?.action ? 8000 : 4000} onClose={(_, reason) => reason !== 'clickaway' && close()}>
        {notice ? (
          <Alert
            severity={notice.severity}
            variant="filled"
            onClose={close}
            action={
              notice.action && (
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    notice.action!.run();
                    close();
                  }}
                >
                  {notice.action.label}
                </Button>
              )
            }
          >
            {notice.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </NotifyContext.Provider>
  );
}
