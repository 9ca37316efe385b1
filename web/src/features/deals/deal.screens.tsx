import Typography from '@mui/material/Typography';
import type { DealDetailQuery, DealOptionsQuery, DealsQuery } from '../../gql/graphql';
import {
  CreateDealDocument,
  DealDetailDocument,
  DealOptionsDocument,
  DealsDocument,
  DeleteDealDocument,
  RestoreDealDocument,
  UpdateDealDocument,
} from '../../gql/deals';
import { Section } from '../../components/kit/DetailFields';
import { createdFilter, mineFilter, option, ownerColumn, ownerField, RecordLink, timelineOf, trashFilter } from '../../components/kit/descriptors';
import { enumLabel, formatDate, formatMoney } from '../../components/kit/format';
import type { EntityScreens, PickerOption } from '../../components/kit/types';
import { DealViewSwitch } from './DealViewSwitch';
import { StageChip } from './StageChip';
import { useDealStageExtras } from './stage-move';
import { dealStageLabel, OPEN_STAGES, STAGES } from './stages';

type Row = DealsQuery['deals']['edges'][number]['node'];
type Detail = NonNullable<DealDetailQuery['deal']>;

export const screens: EntityScreens = {
  list: {
    query: DealsDocument,
    defaultSort: { field: 'CREATED_AT', direction: 'DESC' },
    sorts: {
      NAME: 'Name',
      STAGE: 'Stage',
      AMOUNT: 'Amount',
      EXPECTED_CLOSE_DATE: 'Expected close',
      PROBABILITY: 'Probability',
      CREATED_AT: 'Created',
      UPDATED_AT: 'Last changed',
    },
    filters: [
      { kind: 'text', label: 'Filter deals', toFilter: (q) => ({ or: [{ name: { contains: q } }, { account: { name: { contains: q } } }] }) },
      mineFilter,
      { kind: 'enum', key: 'stage', label: 'Stage', field: 'stage', options: STAGES.map((s) => ({ value: s, label: dealStageLabel(s) })) },
      { kind: 'moneyRange', key: 'amount', label: 'Amount', field: 'amount' },
      { kind: 'dateRange', key: 'close', label: 'Expected close', field: 'expectedCloseDate' },
      { kind: 'relation', key: 'account', label: 'Account', field: 'account', describe: (d: Row) => d.account?.name },
      createdFilter,
      trashFilter,
    ],
    columns: [
      { id: 'name', label: 'Name', sortField: 'NAME', primary: true, render: (d: Row) => d.name },
      {
        id: 'account',
        label: 'Account',
        render: (d: Row) =>
          d.account ? (
            <RecordLink type="Account" id={d.account.id}>
              {d.account.name}
            </RecordLink>
          ) : (
            '—'
          ),
        hideBelow: 'sm',
      },
      { id: 'stage', label: 'Stage', sortField: 'STAGE', render: (d: Row) => <StageChip stage={d.stage} /> },
      { id: 'amount', label: 'Amount', sortField: 'AMOUNT', align: 'right', render: (d: Row) => formatMoney(d.amount) },
      { id: 'close', label: 'Expected close', sortField: 'EXPECTED_CLOSE_DATE', render: (d: Row) => formatDate(d.expectedCloseDate), hideBelow: 'md' },
      ownerColumn,
    ],
    rowLabel: (d) => d.name,
    HeaderActions: () => <DealViewSwitch current="list" />,
    emptyHint: (ctx) => (ctx.caps.canCreate('Deal') ? 'Create one with “New deal”.' : undefined),
  },
  detail: {
    query: DealDetailDocument,
    title: (d) => d.name,
    subtitle: (rec) => {
      const d = rec as Detail;
      return (
        <>
          {d.account ? (
            <RecordLink type="Account" id={d.account.id}>
              {d.account.name}
            </RecordLink>
          ) : (
            'No visible account'
          )}{' '}
          · {formatMoney(d.amount)}
        </>
      );
    },
    notFound: 'Deal not found',
    fields: (rec) => {
      const d = rec as Detail;
      const contact = d.primaryContact;
      return [
        { label: 'Stage', value: <StageChip stage={d.stage} /> },
        { label: 'Amount', value: formatMoney(d.amount) },
        { label: 'Probability', value: d.probability != null ? `${d.probability} %` : null },
        { label: 'Expected close', value: formatDate(d.expectedCloseDate) },
        {
          label: 'Account',
          value: d.account ? (
            <RecordLink type="Account" id={d.account.id}>
              {d.account.name}
            </RecordLink>
          ) : null,
        },
        {
          label: 'Primary contact',
          value: contact ? <RecordLink type="Contact" id={contact.id}>{`${contact.firstName} ${contact.lastName}`}</RecordLink> : null,
        },
        ...(d.closedAt ? [{ label: 'Closed', value: formatDate(d.closedAt) }] : []),
        ...(d.lostReason ? [{ label: 'Lost reason', value: d.lostReason }] : []),
        { label: 'Owner', value: d.owner.name },
        { label: 'Created', value: formatDate(d.createdAt) },
      ];
    },
    timeline: (d) => timelineOf(d as Detail),
    sections: (rec) => {
      const d = rec as Detail;
      if (!d.project) return [];
      return [
        {
          id: 'project',
          node: (
            <Section title="Project">
              <Typography variant="body1">{d.project.name}</Typography>
              <Typography variant="body2" color="text.secondary">
                Status: {enumLabel(d.project.status)}
                {d.stage !== 'CLOSED_WON' && ' · the deal has been reopened; winning it again reuses this project'}
              </Typography>
            </Section>
          ),
        },
      ];
    },
    useExtras: (rec, reload) => useDealStageExtras(rec as Detail | null, reload),
  },
  form: {
    titles: { create: 'New deal', edit: (d) => `Edit ${d.name}`, submit: 'Create deal' },
    // Mirrors CreateDealInput / UpdateDealInput on the server; stages move with moveDealStage.
    fields: [
      { kind: 'text', name: 'name', label: 'Name', required: true, min: 1, max: 200, autoFocus: true },
      {
        kind: 'record',
        entity: 'Account',
        name: 'account',
        label: 'Account',
        required: true,
        half: true,
        from: (d) => option(d.account),
        // A contact of the previous account would be refused.
        onChange: (next, previous, form) => {
          if ((next as PickerOption | null)?.id !== (previous as PickerOption | null)?.id) form.set('primaryContact', null);
        },
      },
      {
        kind: 'record',
        entity: 'Contact',
        name: 'primaryContact',
        label: 'Primary contact',
        half: true,
        from: (d) => (d.primaryContact ? { id: d.primaryContact.id, label: `${d.primaryContact.firstName} ${d.primaryContact.lastName}` } : null),
        filter: (values) => {
          const account = values.account as PickerOption | null;
          return account ? { account: { id: { eq: account.id } } } : undefined;
        },
        helperText: (_ctx, values) => (values.account ? `Optional · contacts of ${(values.account as PickerOption).label}` : 'Choose the account first'),
      },
      { kind: 'money', name: 'amount', label: 'Amount', required: true, half: true },
      {
        kind: 'select',
        name: 'stage',
        label: 'Stage',
        required: true,
        half: true,
        options: OPEN_STAGES.map((s) => ({ value: s, label: dealStageLabel(s) })),
        visible: (ctx) => !ctx.record,
        initial: () => 'PROSPECTING',
      },
      { kind: 'int', name: 'probability', label: 'Probability (%)', min: 0, max: 100, half: true },
      { kind: 'date', name: 'expectedCloseDate', label: 'Expected close date', half: true },
      ownerField('Deal'),
    ],
  },
  picker: {
    query: DealOptionsDocument,
    textFilter: (text) => (text ? { name: { contains: text } } : {}),
    options: (data) =>
      (data as DealOptionsQuery).deals.edges.map(({ node: d }) => ({
        id: d.id,
        label: d.name,
        detail: [dealStageLabel(d.stage), d.account?.name].filter(Boolean).join(' · '),
        data: { accountId: d.account?.id ?? null },
      })),
  },
  documents: { create: CreateDealDocument, update: UpdateDealDocument, delete: DeleteDealDocument, restore: RestoreDealDocument },
};
