import { useEffect, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { CreateInteractionDocument, UpdateInteractionDocument, type InteractionFullFragment, type InteractionType } from '../../gql/graphql';
import { RecordDialog } from '../../components/RecordDialog';
import { UserPicker } from '../../components/UserPicker';
import { useForm } from '../../components/useForm';
import { blankToNull, length, maxLength, required, type Rules } from '../../components/validation';
import { useCurrentUser } from '../../app/current-user';
import { canAssignOwner } from '../../app/roles';
import { ContactPicker, DealPicker, contactOption, type ContactOption, type DealOption } from './InteractionPickers';
import { forgetInteractionLists } from './interaction-cache';
import { LOGGABLE_TYPES, TYPE_LABELS, dateTimeCheck, fromLocalInput, toLocalInput } from './interaction-format';

type Key = 'type' | 'subject' | 'body' | 'occurredAt' | 'contactId' | 'dealId' | 'ownerId';

// Mirrors CreateInteractionInput / UpdateInteractionInput on the server.
const rules: Rules<Key> = {
  type: [required],
  subject: [required, length(1, 300)],
  body: [maxLength(20000)],
  occurredAt: [required, dateTimeCheck],
  contactId: [required],
};

export interface InteractionPresets {
  contact?: ContactOption | null;
  deal?: DealOption | null;
}

function toValues(i: InteractionFullFragment | null | undefined, presets: InteractionPresets): Record<Key, string> {
  return {
    type: i?.type ?? 'CALL',
    subject: i?.subject ?? '',
    body: i?.body ?? '',
    occurredAt: toLocalInput(i?.occurredAt ?? new Date()),
    contactId: (i ? i.contact?.id : presets.contact?.id) ?? '',
    dealId: (i ? i.deal?.id : presets.deal?.id) ?? '',
    ownerId: i?.owner.id ?? '',
  };
}

function toContact(i: InteractionFullFragment | null | undefined, presets: InteractionPresets): ContactOption | null {
  if (!i) return presets.contact ?? null;
  return i.contact ? contactOption(i.contact) : null;
}

function toDeal(i: InteractionFullFragment | null | undefined, presets: InteractionPresets): DealOption | null {
  if (!i) return presets.deal ?? null;
  return i.deal ? { id: i.deal.id, label: i.deal.name, accountId: null } : null;
}

interface Props {
  open: boolean;
  interaction?: InteractionFullFragment | null;
  /** Contact (and deal) a new interaction starts with, e.g. when logged from a contact's page. */
  presets?: InteractionPresets;
  onClose(): void;
  onSaved(interaction: InteractionFullFragment): void;
  /** Fetches the latest version after a CONFLICT. */
  onReload?(): Promise<InteractionFullFragment | null | undefined>;
}

export function InteractionFormDialog({ open, interaction, presets, onClose, onSaved, onReload }: Props) {
  const me = useCurrentUser();
  const form = useForm<Key>(toValues(interaction, presets ?? {}), rules);
  const [contact, setContact] = useState<ContactOption | null>(toContact(interaction, presets ?? {}));
  const [deal, setDeal] = useState<DealOption | null>(toDeal(interaction, presets ?? {}));
  const [create] = useMutation(CreateInteractionDocument, {
    update: (cache, { data }) => forgetInteractionLists(cache, { contactIds: [data?.createInteraction.contact?.id], dealIds: [data?.createInteraction.deal?.id] }),
  });
  const [update] = useMutation(UpdateInteractionDocument, {
    update: (cache, { data }) =>
      forgetInteractionLists(cache, {
        contactIds: [interaction?.contact?.id, data?.updateInteraction.contact?.id],
        dealIds: [interaction?.deal?.id, data?.updateInteraction.deal?.id],
      }),
  });
  const { reset } = form;
  // SMS interactions come from sending a text; their kind cannot be changed here.
  const isSms = interaction?.type === 'SMS';

  // Keyed on the presets' ids, so a parent may pass fresh objects on every render.
  const presetContactId = presets?.contact?.id;
  const presetDealId = presets?.deal?.id;
  useEffect(() => {
    if (!open) return;
    reset(toValues(interaction, presets ?? {}));
    setContact(toContact(interaction, presets ?? {}));
    setDeal(toDeal(interaction, presets ?? {}));
  }, [open, interaction, presetContactId, presetDealId, reset]);

  const chooseContact = (c: ContactOption | null) => {
    setContact(c);
    form.set('contactId', c?.id ?? '');
    // A deal of another account does not fit the new contact.
    if (deal?.accountId && deal.accountId !== c?.account?.id) {
      setDeal(null);
      form.set('dealId', '');
    }
  };

  const save = () =>
    form.submit(async (v) => {
      const owner = canAssignOwner(me.role) && v.ownerId ? { ownerId: v.ownerId } : {};
      if (interaction) {
        const input = {
          ...(isSms ? {} : { type: v.type as InteractionType }),
          subject: v.subject.trim(),
          body: blankToNull(v.body),
          // Sent only when changed: the input has minutes, the stored time may have seconds.
          ...(v.occurredAt !== toLocalInput(interaction.occurredAt) ? { occurredAt: fromLocalInput(v.occurredAt) } : {}),
          contactId: v.contactId,
          dealId: v.dealId || null,
          ...owner,
        };
        const { data } = await update({ variables: { id: interaction.id, input, expectedVersion: interaction.version } });
        if (data) onSaved(data.updateInteraction);
      } else {
        const input = {
          type: v.type as InteractionType,
          subject: v.subject.trim(),
          body: blankToNull(v.body),
          occurredAt: fromLocalInput(v.occurredAt),
          contactId: v.contactId,
          dealId: v.dealId || null,
          ...owner,
        };
        const { data } = await create({ variables: { input } });
        if (data) onSaved(data.createInteraction);
      }
    });

  const reload = async () => {
    const latest = await onReload?.();
    if (latest) {
      reset(toValues(latest, {}));
      setContact(toContact(latest, {}));
      setDeal(toDeal(latest, {}));
    }
  };

  return (
    <RecordDialog
      open={open}
      title={interaction ? `Edit ${interaction.subject}` : 'New interaction'}
      submitLabel={interaction ? 'Save' : 'Create interaction'}
      submitting={form.submitting}
      formError={form.formError}
      onReload={interaction && onReload ? () => void reload() : undefined}
      onClose={onClose}
      onSubmit={() => void save()}
    >
      <Grid container columnSpacing={2}>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField select label="Type" required fullWidth margin="dense" disabled={isSms} {...form.field('type')}>
            {(isSms ? (['SMS'] as const) : LOGGABLE_TYPES).map((t) => (
              <MenuItem key={t} value={t}>
                {TYPE_LABELS[t]}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <TextField
            label="When"
            type="datetime-local"
            required
            fullWidth
            margin="dense"
            slotProps={{ inputLabel: { shrink: true } }}
            {...form.field('occurredAt')}
          />
        </Grid>
        <Grid size={12}>
          <TextField label="Subject" required fullWidth margin="dense" autoFocus {...form.field('subject')} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <ContactPicker value={contact} onChange={chooseContact} error={!!form.errors.contactId} helperText={form.errors.contactId} />
        </Grid>
        <Grid size={{ xs: 12, sm: 6 }}>
          <DealPicker
            value={deal}
            account={contact?.account ?? null}
            onChange={(d) => {
              setDeal(d);
              form.set('dealId', d?.id ?? '');
            }}
            error={!!form.errors.dealId}
            helperText={form.errors.dealId}
          />
        </Grid>
        <Grid size={12}>
          <TextField label="Details" multiline minRows={3} fullWidth margin="dense" {...form.field('body')} />
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
