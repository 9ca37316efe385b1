import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import type { ApiKeyRowFragment } from '../../gql/graphql';

export interface CreatedKey {
  secret: string;
  apiKey: ApiKeyRowFragment;
}

/**
 * Shows a new key's secret this one time. Closing it (Done / Escape) hands control back to the page,
 * which drops the secret; a click beside the dialog does not close it by accident.
 */
export function ApiKeySecretDialog({ created, onClose }: { created: CreatedKey | null; onClose(): void }) {
  const theme = useTheme();
  const fullScreen = useMediaQuery(theme.breakpoints.down('sm'));
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const close = () => {
    setCopied(null);
    onClose();
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <Dialog
      open={!!created}
      onClose={(_, reason) => reason !== 'backdropClick' && close()}
      fullScreen={fullScreen}
      fullWidth
      maxWidth="sm"
      aria-labelledby="api-key-secret-title"
      aria-describedby="api-key-secret-warning"
    >
      <DialogTitle id="api-key-secret-title">API key {created ? `“${created.apiKey.name}”` : ''} created</DialogTitle>
      <DialogContent>
        <Alert severity="warning" id="api-key-secret-warning" sx={{ mb: 2 }}>
          Copy the secret now. It will not be shown again: once you close this dialog it cannot be recovered, only revoked and replaced.
        </Alert>
        {created && (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
            <TextField
              label="Secret"
              value={created.secret}
              fullWidth
              margin="dense"
              onFocus={(e) => e.target.select()}
              slotProps={{ htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'monospace' } } }}
              helperText="Send it as: Authorization: Bearer <secret>"
            />
            <Button variant="outlined" sx={{ mt: { sm: 1.5 }, flexShrink: 0 }} onClick={() => void copy()}>
              Copy secret
            </Button>
          </Stack>
        )}
        <Typography role="status" variant="body2" color={copied === 'failed' ? 'error.main' : 'text.secondary'} sx={{ minHeight: '1.5em' }}>
          {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Could not copy — select the secret and copy it by hand.' : ''}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={close}>
          Done
        </Button>
      </DialogActions>
    </Dialog>
  );
}
