import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import type { InvoiceDetailQuery, InvoiceRowFragment, InvoiceStatus } from '../../gql/graphql';
import { CreateInvoiceDocument, InvoiceDetailDocument, InvoicesDocument, UpdateInvoiceDocument } from '../../gql/invoices';
import { option, RecordLink, timelineOf } from '../../components/kit/descriptors';
import { enumLabel, formatDate, formatDateTime, formatMoney, today } from '../../components/kit/format';
import { moneyInputText } from '../../components/kit/money';
import type { EntityScreens } from '../../components/kit/types';
import { useInvoiceActions } from './invoice.actions';
import { InvoicePreview } from './invoice-preview';
import { InvoiceLinesTable, InvoicePayments, InvoiceStatusChip, InvoiceSummary } from './invoice-lines';
import { QUANTITY_DECIMALS, RATE_DECIMALS } from './invoice-totals';

type Row = InvoiceRowFragment;
type Detail = NonNullable<InvoiceDetailQuery['invoice']>;

const STATUSES: InvoiceStatus[] = ['DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOID'];
const PAYMENT_TERMS_DAYS = 30;

/** An invoice in one phrase: its number once issued. */
const invoiceLabel = (i: Row) => i.number ?? 'Draft invoice';

/** The usual due date of a new invoice: thirty days from today. */
function defaultDueDate(): string {
  const [y, m, d] = today().split('-').map(Number);
  const due = new Date(Date.UTC(y, m - 1, d + PAYMENT_TERMS_DAYS));
  return due.toISOString().slice(0, 10);
}

const newLine = () => ({ description: '', quantity: '1', unitPrice: '' });

export const screens: EntityScreens = {
  list: {
    query: InvoicesDocument,
    subtitle: 'Drafts change until they are issued; the status follows the money.',
    defaultSort: { field: 'CREATED_AT', direction: 'DESC' },
    sorts: { CREATED_AT: 'Created', NUMBER: 'Number', ISSUE_DATE: 'Issue date', DUE_DATE: 'Due date', TOTAL: 'Total', BALANCE_DUE: 'Balance due' },
    filters: [
      {
        kind: 'text',
        label: 'Filter invoices by number or account',
        toFilter: (q) => ({ or: [{ number: { contains: q } }, { account: { name: { contains: q } } }] }),
      },
      { kind: 'enum', key: 'status', label: 'Status', field: 'status', options: STATUSES.map((s) => ({ value: s, label: enumLabel(s) })) },
      {
        kind: 'boolean',
        key: 'due',
        label: 'Balance due',
        field: 'balanceDue',
        yes: { value: 'open', label: 'Has a balance due' },
        no: { value: 'settled', label: 'Nothing due' },
        toFilter: (yes) => ({ balanceDue: yes ? { gt: '0.00' } : { eq: '0.00' } }),
      },
      { kind: 'relation', key: 'account', label: 'Account', field: 'account', describe: (i: Row) => i.account?.name },
    ],
    columns: [
      { id: 'number', label: 'Number', sortField: 'NUMBER', primary: true, render: (i: Row) => i.number ?? 'Draft' },
      { id: 'account', label: 'Account', render: (i: Row) => i.account?.name ?? '—' },
      { id: 'issueDate', label: 'Issue date', sortField: 'ISSUE_DATE', render: (i: Row) => formatDate(i.issueDate), hideBelow: 'md' },
      { id: 'dueDate', label: 'Due date', sortField: 'DUE_DATE', render: (i: Row) => formatDate(i.dueDate), hideBelow: 'sm' },
      { id: 'status', label: 'Status', render: (i: Row) => <InvoiceStatusChip status={i.status} /> },
      { id: 'total', label: 'Total', sortField: 'TOTAL', align: 'right', render: (i: Row) => formatMoney(i.total), hideBelow: 'sm' },
      { id: 'balanceDue', label: 'Balance due', sortField: 'BALANCE_DUE', align: 'right', render: (i: Row) => formatMoney(i.balanceDue) },
    ],
    rowLabel: (i) => invoiceLabel(i as Row),
    emptyHint: (ctx) => (ctx.caps.canCreate('Invoice') ? 'Write one with “New invoice”.' : undefined),
  },
  detail: {
    query: InvoiceDetailDocument,
    title: (i) => invoiceLabel(i as Detail),
    subtitle: (rec) => {
      const i = rec as Detail;
      const issued = i.issueDate ? `issued ${formatDate(i.issueDate)} · ` : '';
      return `${enumLabel(i.status)} · ${i.account?.name ?? 'no account'} · ${issued}due ${formatDate(i.dueDate)}`;
    },
    notFound: 'Invoice not found',
    fields: (rec) => {
      const i = rec as Detail;
      return [
        { label: 'Status', value: <InvoiceStatusChip status={i.status} /> },
        {
          label: 'Account',
          value: i.account ? (
            <>
              <RecordLink type="Account" id={i.account.id}>
                {i.account.name}
              </RecordLink>
              {' · '}
              {/* The list filtered to the account (`?account=`). */}
              <Link component={RouterLink} to={`/invoices?account=${i.account.id}`}>
                {`Invoices of ${i.account.name}`}
              </Link>
            </>
          ) : null,
        },
        ...(i.workOrder
          ? [
              {
                label: 'Work order',
                value: (
                  <RecordLink type="WorkOrder" id={i.workOrder.id}>
                    {i.workOrder.number}
                  </RecordLink>
                ),
              },
            ]
          : []),
        { label: 'Issue date', value: i.issueDate ? formatDate(i.issueDate) : 'Not issued yet' },
        { label: 'Due date', value: formatDate(i.dueDate) },
        { label: 'Total', value: formatMoney(i.total) },
        { label: 'Amount paid', value: formatMoney(i.amountPaid) },
        { label: 'Balance due', value: formatMoney(i.balanceDue) },
        ...(i.voidReason ? [{ label: 'Void reason', value: i.voidReason }] : []),
        { label: 'Created', value: formatDateTime(i.createdAt) },
      ];
    },
    sections: (rec) => [
      { id: 'lines', wide: true, node: <InvoiceLinesTable invoice={rec as Detail} /> },
      { id: 'payments', wide: true, node: <InvoicePayments invoice={rec as Detail} /> },
      { id: 'preview', wide: true, node: <InvoicePreview html={(rec as Detail).previewHtml} /> },
    ],
    timeline: (i) => timelineOf(i as Detail),
    // An issued invoice never changes: it takes payments, or is voided.
    changeable: (i) => (i as Detail).status === 'DRAFT',
    useExtras: (rec, reload) => useInvoiceActions(rec as Detail | null, reload),
  },
  form: {
    titles: { create: 'New invoice', edit: (i) => `Edit ${(i as Row).number ?? 'draft invoice'}`, submit: 'Save draft' },
    // Mirrors CreateInvoiceInput / UpdateInvoiceInput; the server prices the lines the same way the summary does.
    fields: [
      { kind: 'record', entity: 'Account', name: 'account', label: 'Account', required: true, autoFocus: true, from: (i) => option((i as Row).account) },
      { kind: 'date', name: 'dueDate', label: 'Due date', required: true, half: true, initial: defaultDueDate },
      {
        kind: 'decimal',
        name: 'taxRate',
        label: 'Tax rate (%)',
        decimals: RATE_DECIMALS,
        max: '100',
        required: true,
        half: true,
        initial: () => '0',
        helperText: () => 'Sales tax in percent, e.g. 8.25',
      },
      {
        kind: 'lines',
        name: 'lines',
        label: 'Lines',
        addLabel: 'Add line',
        minRows: 1,
        newRow: newLine,
        initial: () => [newLine()],
        from: (rec) => (rec as Detail).lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPrice: moneyInputText(l.unitPrice) })),
        columns: [
          { kind: 'text', name: 'description', label: 'Description', required: true, max: 500 },
          { kind: 'decimal', name: 'quantity', label: 'Quantity', decimals: QUANTITY_DECIMALS, positive: true, max: '999999999.999', required: true },
          { kind: 'money', name: 'unitPrice', label: 'Unit price', required: true },
        ],
        widths: { quantity: 2, unitPrice: 3 },
        summary: (rows) => <InvoiceSummary rows={rows} />,
      },
    ],
  },
  documents: { create: CreateInvoiceDocument, update: UpdateInvoiceDocument },
};
