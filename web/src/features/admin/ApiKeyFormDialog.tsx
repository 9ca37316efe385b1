import { useEffect } from 'react';
import { useApolloClient } from '@apollo/client/react';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { CreateApiKeyDocument, type ApiKeyRowFragment } from '../../gql/graphql';
import { RecordDialog } from '../../components/RecordDialog';
import { useForm } from '../../components/useForm';
import { length, required, type Check, type Rules } from '../../components/validation';

type Key = 'name' | 'expiresOn' | 'readOnly';

/** The key stops working at the end of the chosen day (local time). */
export function endOfDay(date: string): Date {
  return new Date(`${date}T23:59:59.999`);
}

// Mirrors CreateApiKeyInput: a date in the future (years 1 to 9999), or none.
const futureDate: Check = (v) => {
  if (!v) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(endOfDay(v).getTime()) || v < '0001-01-01') return 'must be a date';
  return endOfDay(v).getTime() > Date.now() ? null : 'must be in the future';
};

const rules: Rules<Key> = { name: [required, length(1, 100)], expiresOn: [futureDate] };
const EMPTY: Record<Key, string> = { name: '', expiresOn: '', readOnly: '' };

export interface CreatedKey {
  secret: string;
  apiKey: ApiKeyRowFragment;
}

/** "New API key": name, optional expiry day, read-only switch. The created secret goes to `onCreated` only. */
export function ApiKeyFormDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(created: CreatedKey): void }) {
  const form = useForm<Key>(EMPTY, rules);
  const client = useApolloClient();
  const { reset } = form;

  useEffect(() => {
    if (open) reset(EMPTY);
  }, [open, reset]);

  const save = () =>
    form.submit(async (v) => {
      const input = { name: v.name.trim(), readOnly: v.readOnly === 'true', expiresAt: v.expiresOn ? endOfDay(v.expiresOn).toISOString() : null };
      // Not through the cache and not kept in hook state: the secret must live only in the dialog that shows it.
      const { data } = await client.mutate({ mutation: CreateApiKeyDocument, variables: { input }, fetchPolicy: 'no-cache' });
      if (data) onCreated(data.createApiKey);
    });

  const expires = form.field('expiresOn');
  return (
    <RecordDialog open={open} title="New API key" submitLabel="Create key" submitting={form.submitting} formError={form.formError} onClose={onClose} onSubmit={() => void save()}>
      <Stack>
        <TextField label="Name" required fullWidth margin="dense" autoFocus autoComplete="off" {...form.field('name')} helperText={form.errors.name ?? 'What the key is for, e.g. "Billing sync".'} />
        <TextField
          label="Expires on"
          type="date"
          fullWidth
          margin="dense"
          {...expires}
          helperText={form.errors.expiresOn ?? 'Optional. The key stops working at the end of this day; leave empty for no expiry.'}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <FormControlLabel
          sx={{ mt: 1 }}
          control={<Switch checked={form.values.readOnly === 'true'} onChange={(e) => form.set('readOnly', e.target.checked ? 'true' : '')} />}
          label="Read-only (the key cannot change anything)"
        />
      </Stack>
    </RecordDialog>
  );
}
