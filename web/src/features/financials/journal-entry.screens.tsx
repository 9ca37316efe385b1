import Chip from '@mui/material/Chip';
import type { JournalEntryDetailQuery, JournalEntryRowFragment, JournalSource, JournalStatus } from '../../gql/graphql';
import {
  CreateJournalEntryDocument,
  DeleteJournalEntryDocument,
  JournalEntriesDocument,
  JournalEntryDetailDocument,
  RestoreJournalEntryDocument,
  UpdateJournalEntryDocument,
} from '../../gql/journal-entries';
import { RecordLink, timelineOf, trashFilter } from '../../components/kit/descriptors';
import { enumLabel, formatDate, formatDateTime, formatMoney, today } from '../../components/kit/format';
import { moneyInputText, toCents } from '../../components/kit/money';
import type { EntityScreens, PickerOption } from '../../components/kit/types';
import { useJournalEntryActions } from './journal-entry.actions';
import { JournalBalance, JournalLinesTable } from './journal-lines';
import { checkJournalLine } from './journal-totals';

type Row = JournalEntryRowFragment;
type Detail = NonNullable<JournalEntryDetailQuery['journalEntry']>;

const STATUSES: JournalStatus[] = ['DRAFT', 'POSTED'];
const SOURCES: JournalSource[] = ['MANUAL', 'REVERSAL', 'INVOICE', 'PAYMENT', 'EXPENSE'];

/** An entry in one phrase: its number once posted. */
const entryLabel = (e: Row) => e.number ?? `Draft of ${formatDate(e.date)}`;

function StatusChip({ status }: { status: JournalStatus }) {
  return status === 'POSTED' ? <Chip size="small" label="Posted" color="success" variant="outlined" /> : <Chip size="small" label="Draft" variant="outlined" />;
}

const EntryLink = ({ entry }: { entry: { id: string; number: string | null } | null }) =>
  entry ? (
    <RecordLink type="JournalEntry" id={entry.id}>
      {entry.number ?? 'Draft'}
    </RecordLink>
  ) : null;

const newLine = () => ({ ledgerAccount: null, description: '', debit: '', credit: '' });
// The form shows the side a line is on; the other stays empty rather than "0.00".
const lineAmount = (value: string) => (toCents(value) === 0n ? '' : moneyInputText(value));

interface LineValues {
  ledgerAccount: string;
  description: string | null;
  debit: string | null;
  credit: string | null;
}

export const screens: EntityScreens = {
  list: {
    query: JournalEntriesDocument,
    subtitle: 'Debits and credits by day; drafts change until they are posted.',
    defaultSort: { field: 'DATE', direction: 'DESC' },
    sorts: { DATE: 'Date', NUMBER: 'Number', CREATED_AT: 'Created' },
    filters: [
      { kind: 'text', label: 'Filter entries by number or memo', toFilter: (q) => ({ or: [{ number: { contains: q } }, { memo: { contains: q } }] }) },
      { kind: 'enum', key: 'status', label: 'Status', field: 'status', options: STATUSES.map((s) => ({ value: s, label: enumLabel(s) })) },
      { kind: 'enum', key: 'source', label: 'Source', field: 'source', options: SOURCES.map((s) => ({ value: s, label: enumLabel(s) })) },
      { kind: 'dateRange', key: 'date', label: 'Date', field: 'date' },
      trashFilter,
    ],
    columns: [
      { id: 'number', label: 'Number', sortField: 'NUMBER', primary: true, render: (e: Row) => e.number ?? 'Draft' },
      { id: 'date', label: 'Date', sortField: 'DATE', render: (e: Row) => formatDate(e.date) },
      { id: 'memo', label: 'Memo', render: (e: Row) => e.memo ?? '—', hideBelow: 'sm' },
      { id: 'source', label: 'Source', render: (e: Row) => enumLabel(e.source), hideBelow: 'md' },
      { id: 'status', label: 'Status', render: (e: Row) => <StatusChip status={e.status} /> },
      { id: 'total', label: 'Total', align: 'right', render: (e: Row) => formatMoney(e.totalDebit) },
    ],
    rowLabel: (e) => entryLabel(e as Row),
    emptyHint: (ctx) => (ctx.caps.canCreate('JournalEntry') ? 'Record one with “New journal entry”.' : undefined),
  },
  detail: {
    query: JournalEntryDetailDocument,
    title: (e) => (e as Detail).number ?? 'Draft entry',
    subtitle: (rec) => {
      const e = rec as Detail;
      return `${e.status === 'POSTED' ? 'Posted' : 'Draft'} · ${formatDate(e.date)}${e.reversedBy ? ` · reversed by ${e.reversedBy.number}` : ''}`;
    },
    notFound: 'Journal entry not found',
    fields: (rec) => {
      const e = rec as Detail;
      return [
        { label: 'Status', value: <StatusChip status={e.status} /> },
        { label: 'Date', value: formatDate(e.date) },
        { label: 'Memo', value: e.memo },
        { label: 'Source', value: enumLabel(e.source) },
        { label: 'Posted at', value: e.postedAt ? formatDateTime(e.postedAt) : null },
        ...(e.reversalOf ? [{ label: 'Reverses', value: <EntryLink entry={e.reversalOf} /> }] : []),
        ...(e.reversedBy ? [{ label: 'Reversed by', value: <EntryLink entry={e.reversedBy} /> }] : []),
        { label: 'Created', value: formatDate(e.createdAt) },
      ];
    },
    sections: (rec) => [{ id: 'lines', wide: true, node: <JournalLinesTable entry={rec as Detail} /> }],
    timeline: (e) => timelineOf(e as Detail),
    // A posted entry never changes: it is reversed instead.
    changeable: (e) => (e as Detail).status === 'DRAFT',
    useExtras: (rec, reload) => useJournalEntryActions(rec as Detail | null, reload),
  },
  form: {
    titles: { create: 'New journal entry', edit: (e) => `Edit ${entryLabel(e as Row)}`, submit: 'Save draft' },
    // Mirrors CreateJournalEntryInput / UpdateJournalEntryInput; a draft may be unbalanced, posting checks the balance.
    fields: [
      { kind: 'date', name: 'date', label: 'Date', required: true, half: true, autoFocus: true, initial: () => today() },
      { kind: 'text', name: 'memo', label: 'Memo', max: 1000, half: true },
      {
        kind: 'lines',
        name: 'lines',
        label: 'Lines',
        addLabel: 'Add line',
        newRow: newLine,
        initial: () => [newLine(), newLine()],
        from: (rec) =>
          (rec as Detail).lines.map((l) => ({
            ledgerAccount: { id: l.ledgerAccount.id, label: `${l.ledgerAccount.code} ${l.ledgerAccount.name}` } satisfies PickerOption,
            description: l.description ?? '',
            debit: lineAmount(l.debit),
            credit: lineAmount(l.credit),
          })),
        columns: [
          {
            kind: 'record',
            entity: 'LedgerAccount',
            name: 'ledgerAccount',
            label: 'Ledger account',
            required: true,
            // New postings go to active accounts only.
            filter: () => ({ active: { eq: true } }),
          },
          { kind: 'text', name: 'description', label: 'Description', max: 500 },
          { kind: 'money', name: 'debit', label: 'Debit' },
          { kind: 'money', name: 'credit', label: 'Credit' },
        ],
        widths: { ledgerAccount: 4, debit: 2, credit: 2 },
        checkLine: checkJournalLine,
        summary: (rows) => <JournalBalance rows={rows} />,
      },
    ],
    toInput: (values, _ctx, defaults) => ({
      ...defaults,
      lines: (values.lines as LineValues[]).map((l) => ({
        ledgerAccountId: l.ledgerAccount,
        description: l.description,
        debit: l.debit ?? '0.00',
        credit: l.credit ?? '0.00',
      })),
    }),
  },
  documents: {
    create: CreateJournalEntryDocument,
    update: UpdateJournalEntryDocument,
    delete: DeleteJournalEntryDocument,
    restore: RestoreJournalEntryDocument,
  },
};
