import Chip from '@mui/material/Chip';
import type { LedgerAccountDetailQuery, LedgerAccountOptionsQuery, LedgerAccountRowFragment } from '../../gql/graphql';
import {
  CreateLedgerAccountDocument,
  LedgerAccountDetailDocument,
  LedgerAccountOptionsDocument,
  LedgerAccountsDocument,
  UpdateLedgerAccountDocument,
} from '../../gql/ledger-accounts';
import { RelatedList } from '../../components/kit/DetailFields';
import { activeFilter, RecordLink, timelineOf } from '../../components/kit/descriptors';
import { enumLabel, formatDate, formatMoney } from '../../components/kit/format';
import type { EntityScreens, PickerOption } from '../../components/kit/types';
import { ChartListViews } from './chart-views';

type Row = LedgerAccountRowFragment;
type Detail = NonNullable<LedgerAccountDetailQuery['ledgerAccount']>;

const TYPES = ['ASSET', 'LIABILITY', 'EQUITY', 'REVENUE', 'EXPENSE'] as const;
const typeOptions = TYPES.map((t) => ({ value: t, label: enumLabel(t) }));
const label = (a: { code: string; name: string }) => `${a.code} ${a.name}`;
const parentOption = (p: Row['parent']): PickerOption | null => (p ? { id: p.id, label: label(p) } : null);

/** A system account is what automatic postings use: say which part it plays. */
function systemRoleText(a: Row): string | null {
  return a.systemRole ? `System account: ${enumLabel(a.systemRole).toLowerCase()}` : null;
}

export const screens: EntityScreens = {
  list: {
    query: LedgerAccountsDocument,
    subtitle: 'The accounts journal lines post to, by number.',
    defaultSort: { field: 'CODE', direction: 'ASC' },
    sorts: { CODE: 'Number', NAME: 'Name', TYPE: 'Type', UPDATED_AT: 'Last changed' },
    filters: [
      { kind: 'text', label: 'Filter accounts by number or name', toFilter: (q) => ({ or: [{ code: { startsWith: q } }, { name: { contains: q } }] }) },
      { kind: 'enum', key: 'type', label: 'Type', field: 'type', options: typeOptions },
      activeFilter,
    ],
    columns: [
      { id: 'code', label: 'Number', sortField: 'CODE', primary: true, render: (a: Row) => a.code },
      { id: 'name', label: 'Name', sortField: 'NAME', render: (a: Row) => a.name },
      { id: 'type', label: 'Type', sortField: 'TYPE', render: (a: Row) => enumLabel(a.type), hideBelow: 'sm' },
      { id: 'parent', label: 'Grouped under', render: (a: Row) => (a.parent ? label(a.parent) : '—'), hideBelow: 'md' },
      // Today's balance from posted entries, on the account's normal side, with the accounts grouped under it.
      { id: 'balance', label: 'Balance', align: 'right', render: (a: Row) => formatMoney(a.balance) },
      {
        id: 'status',
        label: 'Status',
        render: (a: Row) =>
          a.systemRole ? (
            <Chip size="small" label="System" variant="outlined" />
          ) : a.active ? (
            <Chip size="small" label="Active" color="success" variant="outlined" />
          ) : (
            <Chip size="small" label="Inactive" />
          ),
        hideBelow: 'sm',
      },
    ],
    rowLabel: (a) => label(a as Row),
    HeaderActions: ChartListViews,
    rowMuted: (a) => !a.active,
  },
  detail: {
    query: LedgerAccountDetailDocument,
    title: (a) => label(a as Row),
    subtitle: (a) => systemRoleText(a as Row) ?? enumLabel((a as Row).type),
    notFound: 'Ledger account not found',
    fields: (rec) => {
      const a = rec as Detail;
      return [
        { label: 'Type', value: enumLabel(a.type) },
        { label: 'Balance', value: formatMoney(a.balance) },
        {
          label: 'Grouped under',
          value: a.parent ? (
            <RecordLink type="LedgerAccount" id={a.parent.id}>
              {label(a.parent)}
            </RecordLink>
          ) : null,
        },
        { label: 'Status', value: a.active ? 'Active' : 'Inactive' },
        { label: 'Created', value: formatDate(a.createdAt) },
      ];
    },
    sections: (rec) => {
      const a = rec as Detail;
      return [
        {
          id: 'children',
          node: (
            <RelatedList
              title="Accounts grouped under it"
              total={a.children.totalCount}
              items={a.children.edges.map((e) => e.node)}
              emptyText="None."
              href={(c) => `/ledger-accounts/${c.id}`}
              primary={(c) => label(c)}
              secondary={(c) => (c.active ? '' : 'Inactive')}
            />
          ),
        },
      ];
    },
    timeline: (a) => timelineOf(a as Detail),
  },
  form: {
    titles: { create: 'New ledger account', edit: (a) => `Edit ${label(a as Row)}`, submit: 'Create account' },
    // Mirrors CreateLedgerAccountInput / UpdateLedgerAccountInput on the server.
    fields: [
      { kind: 'text', name: 'code', label: 'Number', required: true, min: 3, max: 10, half: true, autoFocus: true, helperText: () => '3 to 10 digits' },
      {
        kind: 'select',
        name: 'type',
        label: 'Type',
        required: true,
        half: true,
        options: typeOptions,
        disabled: (ctx) => !!(ctx.record as Row | undefined)?.systemRole,
        helperText: (ctx) => ((ctx.record as Row | undefined)?.systemRole ? 'A system account keeps its type.' : undefined),
        onChange: (next, previous, form) => {
          // The group must have the same type.
          if (next !== previous) form.set('parent', null);
        },
      },
      { kind: 'text', name: 'name', label: 'Name', required: true, min: 1, max: 120 },
      {
        kind: 'record',
        entity: 'LedgerAccount',
        name: 'parent',
        label: 'Grouped under',
        from: (a) => parentOption((a as Row).parent),
        filter: (values) => (values.type ? { type: { eq: values.type } } : undefined),
        helperText: () => 'An account of the same type; leave empty for the top of the chart.',
      },
      {
        kind: 'switch',
        name: 'active',
        label: 'Active',
        visible: (ctx) => !!ctx.record,
        disabled: (ctx) => !!(ctx.record as Row | undefined)?.systemRole,
      },
    ],
  },
  picker: {
    query: LedgerAccountOptionsDocument,
    textFilter: (text) => (text ? { or: [{ code: { startsWith: text } }, { name: { contains: text } }] } : {}),
    options: (data) =>
      (data as LedgerAccountOptionsQuery).ledgerAccounts.edges.map(({ node: a }) => ({ id: a.id, label: label(a), detail: enumLabel(a.type) })),
  },
  documents: { create: CreateLedgerAccountDocument, update: UpdateLedgerAccountDocument },
};
