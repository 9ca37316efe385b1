import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import type { InteractionDetailQuery, InteractionsQuery } from '../../gql/graphql';
import {
  CreateInteractionDocument,
  DeleteInteractionDocument,
  InteractionDetailDocument,
  InteractionHistoryDocument,
  InteractionsDocument,
  RestoreInteractionDocument,
  UpdateInteractionDocument,
} from '../../gql/interactions';
import { TextSection } from '../../components/kit/DetailFields';
import { mineFilter, ownerColumn, ownerField, RecordLink, trashFilter } from '../../components/kit/descriptors';
import { formatDate, formatDateTime, toLocalInput } from '../../components/kit/format';
import { Timeline } from '../../components/kit/Timeline';
import { ErrorState, LoadingState } from '../../components/States';
import type { AnyRecord, EntityScreens, PickerOption } from '../../components/kit/types';
import { contactOption } from '../contacts/contact.screens';
import { INTERACTION_TYPES, LOGGABLE_TYPES, TYPE_LABELS } from './interaction-format';

type Row = InteractionsQuery['interactions']['edges'][number]['node'];
type Detail = NonNullable<InteractionDetailQuery['interaction']>;
type AccountRef = { id: string; name: string } | null | undefined;

const name = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;

/** The account that narrows the deals (and, from an account's page, the contacts) offered. */
function scopeAccount(values: Record<string, unknown>): AccountRef {
  const contact = values.contact as PickerOption | null;
  return (contact?.data?.account as AccountRef) ?? (values.account as AccountRef);
}

/** An interaction has no `timeline` field; its history is the activity log about it. */
function InteractionHistory({ record }: { record: AnyRecord }) {
  const filter = { entityType: { eq: 'Interaction' }, entityId: { eq: record.id } };
  // The live feed does not refetch activityLog queries: this one follows the record's version.
  const { data, loading, error, refetch } = useQuery(InteractionHistoryDocument, { variables: { filter }, fetchPolicy: 'cache-and-network' });
  useEffect(() => {
    if (data) void refetch();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record.version]);
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <LoadingState label="Loading history…" />;
  return <Timeline entries={data?.activityLog.edges.map((e) => e.node) ?? []} />;
}

export const screens: EntityScreens = {
  list: {
    query: InteractionsDocument,
    defaultSort: { field: 'OCCURRED_AT', direction: 'DESC' },
    sorts: { OCCURRED_AT: 'When', TYPE: 'Type', CREATED_AT: 'Created', UPDATED_AT: 'Last changed' },
    filters: [
      { kind: 'text', label: 'Filter by subject', toFilter: (q) => ({ subject: { contains: q } }) },
      mineFilter,
      { kind: 'enum', key: 'type', label: 'Type', field: 'type', options: INTERACTION_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] })) },
      { kind: 'dateRange', key: 'when', label: 'When', field: 'occurredAt', instant: true },
      { kind: 'relation', key: 'contact', label: 'Contact', field: 'contact', describe: (i: Row) => (i.contact ? name(i.contact) : undefined) },
      { kind: 'relation', key: 'deal', label: 'Deal', field: 'deal', describe: (i: Row) => i.deal?.name },
      trashFilter,
    ],
    columns: [
      { id: 'subject', label: 'Subject', primary: true, render: (i: Row) => i.subject },
      { id: 'type', label: 'Type', sortField: 'TYPE', render: (i: Row) => TYPE_LABELS[i.type], hideBelow: 'sm' },
      { id: 'occurredAt', label: 'When', sortField: 'OCCURRED_AT', render: (i: Row) => formatDateTime(i.occurredAt) },
      {
        id: 'contact',
        label: 'Contact',
        render: (i: Row) =>
          i.contact ? (
            <RecordLink type="Contact" id={i.contact.id}>
              {name(i.contact)}
            </RecordLink>
          ) : (
            '—'
          ),
        hideBelow: 'md',
      },
      {
        id: 'deal',
        label: 'Deal',
        render: (i: Row) =>
          i.deal ? (
            <RecordLink type="Deal" id={i.deal.id}>
              {i.deal.name}
            </RecordLink>
          ) : (
            '—'
          ),
        hideBelow: 'md',
      },
      ownerColumn,
    ],
    rowLabel: (i) => i.subject,
  },
  detail: {
    query: InteractionDetailDocument,
    title: (i) => i.subject,
    subtitle: (i) => `${TYPE_LABELS[(i as Detail).type]} · ${formatDateTime(i.occurredAt)}`,
    notFound: 'Interaction not found',
    fields: (rec) => {
      const { contact, deal, ...i } = rec as Detail;
      return [
        { label: 'Type', value: TYPE_LABELS[i.type] },
        { label: 'When', value: formatDateTime(i.occurredAt) },
        {
          label: 'Contact',
          value: contact ? (
            <RecordLink type="Contact" id={contact.id}>
              {name(contact)}
            </RecordLink>
          ) : null,
        },
        {
          label: 'Account',
          value: contact?.account ? (
            <RecordLink type="Account" id={contact.account.id}>
              {contact.account.name}
            </RecordLink>
          ) : null,
        },
        {
          label: 'Deal',
          value: deal ? (
            <RecordLink type="Deal" id={deal.id}>
              {deal.name}
            </RecordLink>
          ) : null,
        },
        { label: 'Owner', value: i.owner.name },
        { label: 'Created', value: formatDate(i.createdAt) },
      ];
    },
    sections: (i) => [{ id: 'details', node: <TextSection title="Details" text={i.body} empty="No details written." /> }],
    History: InteractionHistory,
  },
  form: {
    titles: { create: 'New interaction', edit: (i) => `Edit ${i.subject}`, submit: 'Create interaction' },
    // SMS interactions come from sending a text; their kind cannot be changed here.
    toInput: (_values, ctx, input) => {
      if (ctx.record?.type !== 'SMS') return input;
      const { type: _sms, ...rest } = input;
      return rest;
    },
    // Mirrors CreateInteractionInput / UpdateInteractionInput on the server.
    fields: [
      {
        kind: 'select',
        name: 'type',
        label: 'Type',
        required: true,
        half: true,
        options: (ctx) => (ctx.record?.type === 'SMS' ? ['SMS' as const] : LOGGABLE_TYPES).map((t) => ({ value: t, label: TYPE_LABELS[t] })),
        disabled: (ctx) => ctx.record?.type === 'SMS',
        initial: () => 'CALL',
      },
      // Sent only when changed: the input has minutes, the stored time may have seconds.
      {
        kind: 'datetime',
        name: 'occurredAt',
        label: 'When',
        required: true,
        half: true,
        onlyChanged: true,
        from: (i) => toLocalInput(i.occurredAt),
        initial: () => toLocalInput(new Date()),
      },
      { kind: 'text', name: 'subject', label: 'Subject', required: true, min: 1, max: 300, autoFocus: true },
      {
        kind: 'record',
        entity: 'Contact',
        name: 'contact',
        label: 'Contact',
        required: true,
        half: true,
        from: (i) => (i.contact ? contactOption(i.contact) : null),
        filter: (values) => {
          const account = values.account as AccountRef;
          return account ? { account: { id: { eq: account.id } } } : undefined;
        },
        // A deal of another account does not fit the new contact.
        onChange: (next, _previous, form) => {
          const deal = form.get('deal') as PickerOption | null;
          const account = (next as PickerOption | null)?.data?.account as AccountRef;
          if (deal?.data?.accountId && deal.data.accountId !== account?.id) form.set('deal', null);
        },
      },
      {
        kind: 'record',
        entity: 'Deal',
        name: 'deal',
        label: 'Deal',
        half: true,
        from: (i) => (i.deal ? { id: i.deal.id, label: i.deal.name, data: { accountId: i.contact?.account?.id ?? null } } : null),
        filter: (values) => {
          const account = scopeAccount(values);
          return account ? { account: { id: { eq: account.id } } } : undefined;
        },
        helperText: (_ctx, values) => {
          const account = scopeAccount(values);
          return account ? `Optional · deals of ${account.name}` : 'Optional';
        },
      },
      { kind: 'multiline', name: 'body', label: 'Details', max: 20000, rows: 3 },
      ownerField('Interaction'),
    ],
  },
  documents: { create: CreateInteractionDocument, update: UpdateInteractionDocument, delete: DeleteInteractionDocument, restore: RestoreInteractionDocument },
};
