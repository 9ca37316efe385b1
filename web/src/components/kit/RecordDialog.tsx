import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { useId, type FormEvent, type ReactNode } from 'react';
import type { UserFacingError } from '../../app/errors';

interface Props {
  open: boolean;
  title: string;
  submitLabel: string;
  submitting: boolean;
  formError: UserFacingError | null;
  /** Reloads the record after a CONFLICT (someone else changed it). */
  onReload?(): void;
  /** The record was changed elsewhere while the user was editing it. */
  remoteChange?: { actor: string; onReload(): void; onKeep(): void } | null;
  onClose(): void;
  onSubmit(): void;
  /** Room for line items side by side (the usual width suits a column of fields). */
  wide?: boolean;
  children: ReactNode;
}

/** The create/edit dialog every record form uses; full screen on phones. */
export function RecordDialog(p: Props) {
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'));
  const titleId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    p.onSubmit();
  };
  return (
    <Dialog open={p.open} onClose={p.onClose} fullScreen={fullScreen} fullWidth maxWidth={p.wide ? 'md' : 'sm'} aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{p.title}</DialogTitle>
        <DialogContent>
          {p.remoteChange && (
            <Alert
              severity="info"
              sx={{ mb: 2 }}
              action={
                <>
                  <Button color="inherit" size="small" onClick={p.remoteChange.onReload}>
                    Reload
                  </Button>
                  <Button color="inherit" size="small" onClick={p.remoteChange.onKeep}>
                    Keep yours
                  </Button>
                </>
              }
            >
              Changed by {p.remoteChange.actor} — reload or keep yours
            </Alert>
          )}
          {p.formError && (
            <Alert
              severity={p.formError.code === 'CONFLICT' ? 'warning' : 'error'}
              sx={{ mb: 2 }}
              action={
                p.formError.code === 'CONFLICT' && p.onReload ? (
                  <Button color="inherit" size="small" onClick={p.onReload}>
                    Reload
                  </Button>
                ) : undefined
              }
            >
              {p.formError.code === 'CONFLICT'
                ? 'Changed by someone else — reload to see the latest version, then apply your change again.'
                : p.formError.message}
            </Alert>
          )}
          {p.children}
        </DialogContent>
        <DialogActions>
          <Button onClick={p.onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={p.submitting}>
            {p.submitting ? 'Saving…' : p.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
