import { useId, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';

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
