import { useEffect, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { CreateDealDocument, UpdateDealDocument, type DealRowFragment, type DealStage, type DealWithProjectFragment } from '../../gql/graphql';
import { RecordDialog } from '../../components/RecordDialog';
import { UserPicker } from '../../components/UserPicker';
import { useForm } from '../../components/useForm';
import { blankToNull, intRange, length, money, required, type Check, type Rules } from '../../components/validation';
import { useCurrentUser } from '../../app/current-user';
import { canAssignOwner } from '../../app/roles';
import { AccountPicker, ContactPicker, type AccountOption } from './DealPickers';
import { dealStageLabel, OPEN_STAGES } from './stages';

type Key = 'name' | 'accountId' | 'primaryContactId' | 'amount' | 'stage' | 'probability' | 'expectedCloseDate' | 'ownerId';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar day as YYYY-MM-DD in the years 1–9999 (the server's LocalDate and range check). */
export const calendarDate: Check = (v) => {
  if (!v.trim()) return null;
  const m = DATE.exec(v.trim());
  if (!m) return 'must be a date (YYYY-MM-DD)';
  const [y, mo, d] = m.slice(1).map(Number);
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (y < 1 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return 'must be a date (YYYY-MM-DD)';
  return null;
};

const openStage: Check = (v) => ((OPEN_STAGES as readonly string[]).includes(v) ? null : 'must be an open stage');

// Mirrors server/src/modules/crm/deal.inputs.ts.
const rules: Rules<Key> = {
  name: [required, length(1, 200)],
  accountId: [required],
  amount: [required, money],
  stage: [required, openStage],
  probability: [intRange(0, 100)],
  expectedCloseDate: [calendarDate],
};

function toValues(d?: DealRowFragment | null): Record<Key, string> {
  return {
    name: d?.name ?? '',
    accountId: d?.account?.id ?? '',
    primaryContactId: d?.primaryContact?.id ?? '',
    amount: d?.amount ?? '',
    stage: d?.stage ?? 'PROSPECTING',
    probability: d?.probability != null ? String(d.probability) : '',
    expectedCloseDate: d?.expectedCloseDate ?? '',
    ownerId: d?.owner.id ?? '',
  };
}

interface Props {
  open: boolean;
  deal?: DealRowFragment | null;
  onClose(): void;
  onSaved(deal: DealWithProjectFragment): void;
  /** Fetches the latest version after a CONFLICT. */
  onReload?(): Promise<DealRowFragment | null | undefined>;
}

export function DealFormDialog({ open, deal, onClose, onSaved, onReload }: Props) {
  const me = useCurrentUser();
  const form = useForm<Key>(toValues(deal), rules);
  const [account, setAccount] = useState<AccountOption | null>(deal?.account ?? null);
  const [create] = useMutation(CreateDealDocument);
  const [update] = useMutation(UpdateDealDocument);
  const { reset } = form;
  const assign = canAssignOwner(me.role);

  useEffect(() => {
    if (open) {
      reset(toValues(deal));
      setAccount(deal?.account ? { id: deal.account.id, name: deal.account.name } : null);
    }
  }, [open, deal, reset]);

  const save = () =>
    form.submit(async (v) => {
      const fields = {
        name: v.name.trim(),
        accountId: v.accountId,
        primaryContactId: v.primaryContactId || null,
        amount: v.amount.trim(),
        probability: v.probability.trim() ? Number(v.probability) : null,
        expectedCloseDate: blankToNull(v.expectedCloseDate),
        ...(assign && v.ownerId ? { ownerId: v.ownerId } : {}),
      };
      if (deal) {
        const { data } = await update({ variables: { id: deal.id, input: fields, expectedVersion: deal.version } });
        if (data) onSaved(data.updateDeal);
      } else {
        const { data } = await create({ variables: { input: { ...fields, stage: v.stage as DealStage } } });
        if (data) onSaved(data.createDeal);
      }
    });

  const reload = async () => {
    const latest = await onReload?.();
    if (latest) {
      reset(toValues(latest));
      setAccount(latest.account ?? null);
    }
  };

  const chooseAccount = (a: AccountOption | null) => {
    setAccount(a);
    form.set('accountId', a?.id ?? '');
    // A contact of the previous account would be refused.
    if (a?.id !== form.values.accountId) form.set('primaryContactId', '');
  };

  return (
    <RecordDialog
      open={open}
      title={deal ? `Edit ${deal.name}` : 'New deal'}
      submitLabel={deal ? 'Save' : 'Create deal'}
      submitting={form.submitting}
      formError={form.formError}
      onReload={deal && onReload ? () => void reload() : undefined}
      onClose={onClose}
      onSubmit={() => void save()}
    >
      <Grid container columnSpacing={2}>
        <Grid size={12}>
          <TextField label="Name" required fullWidth margin="dense" autoFocus {...form.field('name')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <AccountPicker value={account} onChange={chooseAccount} error={!!form.errors.accountId} helperText={form.errors.accountId} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <ContactPicker
            accountId={form.values.accountId}
            value={form.values.primaryContactId}
            onChange={(id) => form.set('primaryContactId', id)}
            error={!!form.errors.primaryContactId}
            helperText={form.errors.primaryContactId}
          />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Amount" required inputMode="decimal" fullWidth margin="dense" {...form.field('amount')} />
        </Grid>
        {!deal && (
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField select label="Stage" required fullWidth margin="dense" {...form.field('stage')}>
              {OPEN_STAGES.map((s) => (
                <MenuItem key={s} value={s}>
                  {dealStageLabel(s)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
        )}
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Probability (%)" inputMode="numeric" fullWidth margin="dense" {...form.field('probability')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField label="Expected close date" type="date" fullWidth margin="dense" slotProps={{ inputLabel: { shrink: true } }} {...form.field('expectedCloseDate')} />
        </Grid>
        {assign && (
          <Grid size={{ xs: 12, sm: 6 }}>
            <UserPicker value={form.values.ownerId || me.id} onChange={(id) => form.set('ownerId', id)} error={!!form.errors.ownerId} helperText={form.errors.ownerId} />
          </Grid>
        )}
      </Grid>
    </RecordDialog>
  );
}
