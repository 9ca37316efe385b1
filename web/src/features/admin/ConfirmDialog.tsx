import { useId, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { actionErrorMessage } from '../../app/errors';
import { useNotify } from '../../components/Notifications';

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  /** Why the last attempt failed (already a message for people). */
  error?: string | null;
  onConfirm(): void;
  onClose(): void;
}

/** Asks before a step that cannot simply be taken back (deactivating a user, revoking a key). */
export function ConfirmDialog(p: Props) {
  const id = useId();
  return (
    <Dialog open={p.open} onClose={p.busy ? undefined : p.onClose} aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} maxWidth="xs" fullWidth>
      <DialogTitle id={`${id}-title`}>{p.title}</DialogTitle>
      <DialogContent>
        {p.error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {p.error}
          </Alert>
        )}
        <DialogContentText id={`${id}-text`}>{p.children}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={p.onClose} disabled={p.busy}>
          Cancel
        </Button>
        <Button variant="contained" color="error" onClick={p.onConfirm} disabled={p.busy}>
          {p.busy ? 'Working…' : p.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * A step taken only after asking: `ask()` opens the dialog; confirming runs the step, closes the
 * dialog and says it was done, or keeps it open with the server's reason.
 */
export function useConfirmedStep(o: { title: string; confirmLabel: string; body: ReactNode; busy?: boolean; run(): Promise<unknown>; done: string }) {
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setError(null);
    try {
      await o.run();
    } catch (err) {
      setError(actionErrorMessage(err));
      return;
    }
    setOpen(false);
    notify(o.done);
  };
  const ask = () => {
    setError(null);
    setOpen(true);
  };
  const dialog = (
    <ConfirmDialog
      open={open}
      title={o.title}
      confirmLabel={o.confirmLabel}
      busy={o.busy}
      error={error}
      onClose={() => setOpen(false)}
      onConfirm={() => void confirm()}
    >
      {o.body}
    </ConfirmDialog>
  );
  return { ask, dialog };
}
