import Chip from '@mui/material/Chip';
import type { ExpenseDetailQuery, ExpenseRowFragment, ExpenseStatus } from '../../gql/graphql';
import { CreateExpenseDocument, ExpenseDetailDocument, ExpensesDocument } from '../../gql/expenses';
import { RecordLink, timelineOf } from '../../components/kit/descriptors';
import { enumLabel, formatDate, formatDateTime, formatMoney, today } from '../../components/kit/format';
import type { EntityScreens } from '../../components/kit/types';
import { useExpenseActions } from './expense.actions';

type Row = ExpenseRowFragment;
type Detail = NonNullable<ExpenseDetailQuery['expense']>;

const STATUSES: ExpenseStatus[] = ['SUBMITTED', 'APPROVED', 'REJECTED'];
// Colours with text contrast ≥ 4.5:1 on both themes.
const CHIP_COLORS: Record<ExpenseStatus, 'primary' | 'success' | 'error'> = { SUBMITTED: 'primary', APPROVED: 'success', REJECTED: 'error' };

function ExpenseStatusChip({ status }: { status: ExpenseStatus }) {
  return <Chip size="small" label={enumLabel(status)} color={CHIP_COLORS[status]} variant="outlined" />;
}

const categoryLabel = (c: Row['category']) => (c ? `${c.code} ${c.name}` : '—');
const expenseLabel = (e: Row) => `${e.vendor} ${formatMoney(e.amount)}`;

export const screens: EntityScreens = {
  list: {
    query: ExpensesDocument,
    subtitle: 'Money spent: submitted, then approved (and posted) or rejected.',
    defaultSort: { field: 'DATE', direction: 'DESC' },
    sorts: { DATE: 'Date', VENDOR: 'Vendor', AMOUNT: 'Amount', CREATED_AT: 'Submitted' },
    filters: [
      { kind: 'text', label: 'Filter expenses by vendor', toFilter: (q) => ({ vendor: { contains: q } }) },
      { kind: 'enum', key: 'status', label: 'Status', field: 'status', options: STATUSES.map((s) => ({ value: s, label: enumLabel(s) })) },
      { kind: 'dateRange', key: 'date', label: 'Date', field: 'date' },
    ],
    columns: [
      { id: 'date', label: 'Date', sortField: 'DATE', render: (e: Row) => formatDate(e.date) },
      { id: 'vendor', label: 'Vendor', sortField: 'VENDOR', primary: true, render: (e: Row) => e.vendor },
      { id: 'category', label: 'Category', render: (e: Row) => categoryLabel(e.category), hideBelow: 'md' },
      { id: 'amount', label: 'Amount', sortField: 'AMOUNT', align: 'right', render: (e: Row) => formatMoney(e.amount) },
      { id: 'status', label: 'Status', render: (e: Row) => <ExpenseStatusChip status={e.status} /> },
    ],
    rowLabel: (e) => expenseLabel(e as Row),
    emptyHint: (ctx) => (ctx.caps.canCreate('Expense') ? 'Submit one with “New expense”.' : undefined),
  },
  detail: {
    query: ExpenseDetailDocument,
    title: (e) => expenseLabel(e as Detail),
    subtitle: (rec) => {
      const e = rec as Detail;
      return `${enumLabel(e.status)} · spent ${formatDate(e.date)}`;
    },
    notFound: 'Expense not found',
    fields: (rec) => {
      const e = rec as Detail;
      return [
        { label: 'Status', value: <ExpenseStatusChip status={e.status} /> },
        { label: 'Vendor', value: e.vendor },
        { label: 'Amount', value: formatMoney(e.amount) },
        { label: 'Date', value: formatDate(e.date) },
        {
          label: 'Category',
          value: e.category ? (
            <RecordLink type="LedgerAccount" id={e.category.id}>
              {categoryLabel(e.category)}
            </RecordLink>
          ) : null,
        },
        { label: 'Description', value: e.description },
        ...(e.approvedBy ? [{ label: 'Approved by', value: e.approvedBy.name }] : []),
        ...(e.rejectionReason ? [{ label: 'Rejection reason', value: e.rejectionReason }] : []),
        { label: 'Submitted', value: formatDateTime(e.createdAt) },
      ];
    },
    timeline: (e) => timelineOf(e as Detail),
    // Submitted expenses are approved or rejected, never edited.
    changeable: () => false,
    useExtras: (rec, reload) => useExpenseActions(rec as Detail | null, reload),
  },
  form: {
    titles: { create: 'New expense', edit: (e) => `Edit ${expenseLabel(e as Row)}`, submit: 'Submit expense' },
    // Mirrors CreateExpenseInput on the server.
    fields: [
      { kind: 'text', name: 'vendor', label: 'Vendor', required: true, min: 1, max: 200, half: true, autoFocus: true },
      { kind: 'date', name: 'date', label: 'Date', required: true, half: true, initial: () => today() },
      {
        kind: 'record',
        entity: 'LedgerAccount',
        name: 'category',
        label: 'Category',
        required: true,
        half: true,
        // Expenses post to active expense accounts only.
        filter: () => ({ type: { eq: 'EXPENSE' }, active: { eq: true } }),
      },
      { kind: 'money', name: 'amount', label: 'Amount', required: true, half: true },
      { kind: 'multiline', name: 'description', label: 'Description', max: 1000 },
    ],
    savedMessage: (e) => `${expenseLabel(e as Row)} submitted for approval`,
  },
  documents: { create: CreateExpenseDocument },
};
