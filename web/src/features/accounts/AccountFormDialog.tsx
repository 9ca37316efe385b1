import { useEffect } from 'react';
import { useMutation } from '@apollo/client/react';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { CreateAccountDocument, UpdateAccountDocument, type AccountFullFragment } from '../../gql/graphql';
import { RecordDialog } from '../../components/RecordDialog';
import { UserPicker } from '../../components/UserPicker';
import { useForm } from '../../components/useForm';
import { blankToNull, email, length, maxLength, money, phone, required, website, type Rules } from '../../components/validation';
import { useCurrentUser } from '../../app/current-user';
import { canAssignOwner, canSeeCreditLimit } from '../../app/roles';

type Key = 'name' | 'industry' | 'website' | 'phone' | 'email' | 'creditLimit' | 'billingAddress' | 'ownerId';

const rules: Rules<Key> = {
  name: [required, length(1, 200)],
  industry: [maxLength(100)],
  website: [maxLength(300), website],
  phone: [phone],
  email: [email],
  creditLimit: [money],
  billingAddress: [maxLength(1000)],
};

function toValues(a?: AccountFullFragment | null): Record<Key, string> {
  return {
    name: a?.name ?? '',
    industry: a?.industry ?? '',
    website: a?.website ?? '',
    phone: a?.phone ?? '',
    email: a?.email ?? '',
    creditLimit: a?.creditLimit ?? '',
    billingAddress: a?.billingAddress ?? '',
    ownerId: a?.owner.id ?? '',
  };
}

interface Props {
  open: boolean;
  account?: AccountFullFragment | null;
  onClose(): void;
  onSaved(account: AccountFullFragment): void;
  /** Fetches the latest version after a CONFLICT. */
  onReload?(): Promise<AccountFullFragment | null | undefined>;
}

export function AccountFormDialog({ open, account, onClose, onSaved, onReload }: Props) {
  const me = useCurrentUser();
  const form = useForm<Key>(toValues(account), rules);
  const [create] = useMutation(CreateAccountDocument);
  const [update] = useMutation(UpdateAccountDocument);
  const withCredit = canSeeCreditLimit(me.role);
  const showCredit = me.role === 'ADMIN' || me.role === 'SALES_MANAGER';
  const { reset } = form;

  useEffect(() => {
    if (open) reset(toValues(account));
  }, [open, account, reset]);

  const save = () =>
    form.submit(async (v) => {
      const input = {
        name: v.name.trim(),
        industry: blankToNull(v.industry),
        website: blankToNull(v.website),
        phone: blankToNull(v.phone),
        email: blankToNull(v.email),
        billingAddress: blankToNull(v.billingAddress),
        ...(showCredit ? { creditLimit: blankToNull(v.creditLimit) } : {}),
        ...(canAssignOwner(me.role) && v.ownerId ? { ownerId: v.ownerId } : {}),
      };
      if (account) {
        const { data } = await update({ variables: { id: account.id, input, expectedVersion: account.version, withCredit } });
        if (data) onSaved(data.updateAccount);
      } else {
        const { data } = await create({ variables: { input, withCredit } });
        if (data) onSaved(data.createAccount);
      }
    });

  const reload = async () => {
    const latest = await onReload?.();
    if (latest) reset(toValues(latest));
  };

  return (
    <RecordDialog
      open={open}
      title={account ? `Edit ${account.name}` : 'New account'}
      submitLabel={account ? 'Save' : 'Create account'}
      submitting={form.submitting}
      formError={form.formError}
      onReload={account && onReload ? () => void reload() : undefined}
      onClose={onClose}
      onSubmit={() => void save()}
    >
      <Grid container columnSpacing={2}>
        <Grid size={12}>
          <TextField label="Name" required fullWidth margin="dense" autoFocus {...form.field('name')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Industry" fullWidth margin="dense" {...form.field('industry')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Website" fullWidth margin="dense" {...form.field('website')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Phone" type="tel" fullWidth margin="dense" {...form.field('phone')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Email" type="email" fullWidth margin="dense" {...form.field('email')} />
        </Grid>
        {showCredit && (
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField label="Credit limit" inputMode="decimal" fullWidth margin="dense" {...form.field('creditLimit')} />
          </Grid>
        )}
        {canAssignOwner(me.role) && (
          <Grid size={{ xs: 12, sm: 6 }}>
            <UserPicker value={form.values.ownerId || me.id} onChange={(id) => form.set('ownerId', id)} error={!!form.errors.ownerId} helperText={form.errors.ownerId} />
          </Grid>
        )}
        <Grid size={12}>
          <TextField label="Billing address" multiline minRows={2} fullWidth margin="dense" {...form.field('billingAddress')} />
        </Grid>
      </Grid>
    </RecordDialog>
  );
}
