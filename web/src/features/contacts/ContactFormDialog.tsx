import { useEffect, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { CreateContactDocument, UpdateContactDocument, type ContactRowFragment } from '../../gql/graphql';
import { RecordDialog } from '../../components/RecordDialog';
import { UserPicker } from '../../components/UserPicker';
import { useForm } from '../../components/useForm';
import { blankToNull, email, length, maxLength, phone, required, type Rules } from '../../components/validation';
import { useCurrentUser } from '../../app/current-user';
import { canAssignOwner } from '../../app/roles';
import { AccountPicker } from './AccountPicker';
import { forgetContactLists } from './contact-cache';
import type { PickerOption } from './RecordPicker';

type Key = 'firstName' | 'lastName' | 'title' | 'email' | 'phone' | 'accountId' | 'ownerId';

// Mirrors CreateContactInput / UpdateContactInput on the server.
const rules: Rules<Key> = {
  firstName: [required, length(1, 100)],
  lastName: [required, length(1, 100)],
  title: [maxLength(200)],
  email: [maxLength(254), email],
  phone: [phone],
};

type AccountRef = { id: string; name: string } | null | undefined;

function toValues(c?: ContactRowFragment | null, account?: AccountRef): Record<Key, string> {
  return {
    firstName: c?.firstName ?? '',
    lastName: c?.lastName ?? '',
    title: c?.title ?? '',
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    accountId: (c ? c.account?.id : account?.id) ?? '',
    ownerId: c?.owner.id ?? '',
  };
}

function toOption(a: AccountRef): PickerOption | null {
  return a ? { id: a.id, label: a.name } : null;
}

interface Props {
  open: boolean;
  contact?: ContactRowFragment | null;
  /** Preselected account for a new contact (e.g. when added from an account). */
  account?: { id: string; name: string } | null;
  onClose(): void;
  onSaved(contact: ContactRowFragment): void;
  /** Fetches the latest version after a CONFLICT. */
  onReload?(): Promise<ContactRowFragment | null | undefined>;
}

export function ContactFormDialog({ open, contact, account, onClose, onSaved, onReload }: Props) {
  const me = useCurrentUser();
  const form = useForm<Key>(toValues(contact, account), rules);
  const [accountOption, setAccountOption] = useState<PickerOption | null>(toOption(contact ? contact.account : account));
  const [create] = useMutation(CreateContactDocument, { update: (cache, { data }) => forgetContactLists(cache, [data?.createContact.account?.id]) });
  const [update] = useMutation(UpdateContactDocument, {
    update: (cache, { data }) => forgetContactLists(cache, [contact?.account?.id, data?.updateContact.account?.id]),
  });
  const { reset } = form;

  // Keyed on the preset account's fields, so a parent may pass a fresh object on every render.
  const presetId = account?.id;
  const presetName = account?.name;
  useEffect(() => {
    if (!open) return;
    const preset = presetId && presetName ? { id: presetId, name: presetName } : null;
    reset(toValues(contact, preset));
    setAccountOption(toOption(contact ? contact.account : preset));
  }, [open, contact, presetId, presetName, reset]);

  const save = () =>
    form.submit(async (v) => {
      const input = {
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        title: blankToNull(v.title),
        email: blankToNull(v.email),
        phone: blankToNull(v.phone),
        accountId: v.accountId || null,
        ...(canAssignOwner(me.role) && v.ownerId ? { ownerId: v.ownerId } : {}),
      };
      if (contact) {
        const { data } = await update({ variables: { id: contact.id, input, expectedVersion: contact.version } });
        if (data) onSaved(data.updateContact);
      } else {
        const { data } = await create({ variables: { input } });
        if (data) onSaved(data.createContact);
      }
    });

  const reload = async () => {
    const latest = await onReload?.();
    if (latest) {
      reset(toValues(latest));
      setAccountOption(toOption(latest.account));
    }
  };

  return (
    <RecordDialog
      open={open}
      title={contact ? `Edit ${contact.firstName} ${contact.lastName}` : 'New contact'}
      submitLabel={contact ? 'Save' : 'Create contact'}
      submitting={form.submitting}
      formError={form.formError}
      onReload={contact && onReload ? () => void reload() : undefined}
      onClose={onClose}
      onSubmit={() => void save()}
    >
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="First name" required fullWidth margin="dense" autoFocus {...form.field('firstName')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Last name" required fullWidth margin="dense" {...form.field('lastName')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Title" fullWidth margin="dense" {...form.field('title')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <AccountPicker
            value={accountOption}
            onChange={(o) => {
              setAccountOption(o);
              form.set('accountId', o?.id ?? '');
            }}
            error={!!form.errors.accountId}
            helperText={form.errors.accountId}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Email" type="email" fullWidth margin="dense" {...form.field('email')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Phone" type="tel" fullWidth margin="dense" {...form.field('phone')} />
        </Grid>
        {canAssignOwner(me.role) && (
          <Grid size={{ xs: 12, sm: 6 }}>
            <UserPicker value={form.values.ownerId || me.id} onChange={(id) => form.set('ownerId', id)} error={!!form.errors.ownerId} helperText={form.errors.ownerId} />
          </Grid>
        )}
      </Grid>
    </RecordDialog>
  );
}
