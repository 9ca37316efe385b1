import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import type { WorkOrderDetailQuery, WorkOrderRowFragment, WorkOrderStatus } from '../../gql/graphql';
import { CreateWorkOrderDocument, UpdateWorkOrderDocument, WorkOrderDetailDocument, WorkOrdersDocument } from '../../gql/work-orders';
import { option, RecordLink, timelineOf } from '../../components/kit/descriptors';
import { enumLabel, formatDateTime, formatMoney } from '../../components/kit/format';
import type { FieldDef } from '../../components/kit/form-fields';
import { moneyInputText } from '../../components/kit/money';
import type { EntityScreens, PickerOption } from '../../components/kit/types';
import { QUANTITY_DECIMALS } from './invoice-totals';
import { setsPrices, useWorkOrderActions, workOrderVariables } from './work-order.actions';
import { WorkOrderLinesTable, WorkOrderStatusChip, WorkOrderSummary } from './work-order-lines';

type Row = WorkOrderRowFragment;
type Detail = NonNullable<WorkOrderDetailQuery['workOrder']>;

const STATUSES: WorkOrderStatus[] = ['OPEN', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'INVOICED', 'CANCELLED'];
/** Statuses in which the order itself still changes (the server refuses edits after completion). */
const CHANGEABLE: WorkOrderStatus[] = ['OPEN', 'SCHEDULED', 'IN_PROGRESS'];
const SHORT_DESCRIPTION = 80;

const shortText = (text: string) => (text.length > SHORT_DESCRIPTION ? `${text.slice(0, SHORT_DESCRIPTION - 1).trimEnd()}…` : text);
const contactOption = (c: Detail['contact']): PickerOption | null => (c ? { id: c.id, label: `${c.firstName} ${c.lastName}` } : null);

interface LineValues {
  description: string;
  quantity: string;
  unitPrice?: string | null;
}

/**
 * The lines field, with a unit price column only for those who set prices: a dispatcher's lines
 * carry no price at all, and the server keeps the office's price of a line left as it was.
 */
function linesField(priced: boolean): FieldDef {
  const newLine = () => (priced ? { description: '', quantity: '1', unitPrice: '' } : { description: '', quantity: '1' });
  return {
    kind: 'lines',
    name: 'lines',
    label: 'Lines',
    addLabel: 'Add line',
    newRow: newLine,
    initial: () => [newLine()],
    visible: (ctx) => setsPrices(ctx.caps) === priced,
    from: (rec) =>
      (rec as Detail).lines.map((l) =>
        priced
          ? { description: l.description, quantity: l.quantity, unitPrice: moneyInputText(l.unitPrice) }
          : { description: l.description, quantity: l.quantity },
      ),
    columns: [
      { kind: 'text', name: 'description', label: 'Description', required: true, max: 500 },
      { kind: 'decimal', name: 'quantity', label: 'Quantity', decimals: QUANTITY_DECIMALS, positive: true, max: '999999999.999', required: true },
      ...(priced ? [{ kind: 'money', name: 'unitPrice', label: 'Unit price' } satisfies FieldDef] : []),
    ],
    widths: priced ? { quantity: 2, unitPrice: 3 } : { quantity: 3 },
    summary: (rows) => <WorkOrderSummary rows={rows} priced={priced} />,
  };
}

export const screens: EntityScreens = {
  list: {
    query: WorkOrdersDocument,
    subtitle: 'Jobs for customers, from opening to completion; completed ones are billed.',
    defaultSort: { field: 'CREATED_AT', direction: 'DESC' },
    sorts: { CREATED_AT: 'Created', NUMBER: 'Number' },
    filters: [
      {
        kind: 'text',
        label: 'Filter work orders by number or account',
        toFilter: (q) => ({ or: [{ number: { contains: q } }, { account: { name: { contains: q } } }] }),
      },
      { kind: 'enum', key: 'status', label: 'Status', field: 'status', options: STATUSES.map((s) => ({ value: s, label: enumLabel(s) })) },
      { kind: 'relation', key: 'account', label: 'Account', field: 'account', describe: (w: Row) => w.account?.name },
    ],
    columns: [
      { id: 'number', label: 'Number', sortField: 'NUMBER', primary: true, render: (w: Row) => w.number },
      { id: 'account', label: 'Account', render: (w: Row) => w.account?.name ?? '—' },
      { id: 'description', label: 'Description', render: (w: Row) => shortText(w.description), hideBelow: 'md' },
      { id: 'status', label: 'Status', render: (w: Row) => <WorkOrderStatusChip status={w.status} /> },
      { id: 'total', label: 'Total', align: 'right', render: (w: Row) => formatMoney(w.total), hideBelow: 'sm' },
    ],
    rowLabel: (w) => (w as Row).number,
    emptyHint: (ctx) => (ctx.caps.canCreate('WorkOrder') ? 'Open one with “New work order”.' : undefined),
  },
  detail: {
    query: WorkOrderDetailDocument,
    variables: (ctx) => workOrderVariables(ctx.caps),
    title: (w) => (w as Detail).number,
    subtitle: (rec) => {
      const w = rec as Detail;
      return `${enumLabel(w.status)} · ${w.account?.name ?? 'no account'}`;
    },
    notFound: 'Work order not found',
    fields: (rec, ctx) => {
      const w = rec as Detail;
      const invoice = w.invoice;
      return [
        { label: 'Status', value: <WorkOrderStatusChip status={w.status} /> },
        {
          label: 'Account',
          value: w.account ? (
            <>
              <RecordLink type="Account" id={w.account.id}>
                {w.account.name}
              </RecordLink>
              {' · '}
              {/* The list filtered to the account (`?account=`). */}
              <Link component={RouterLink} to={`/work-orders?account=${w.account.id}`}>
                {`Work orders of ${w.account.name}`}
              </Link>
            </>
          ) : null,
        },
        {
          label: 'Contact',
          value: w.contact ? (
            <RecordLink type="Contact" id={w.contact.id}>
              {`${w.contact.firstName} ${w.contact.lastName}`}
            </RecordLink>
          ) : null,
        },
        { label: 'Description', value: w.description },
        { label: 'Total', value: formatMoney(w.total) },
        // Only those who read invoices are told about them.
        ...(ctx.caps.canRead('Invoice')
          ? [
              {
                label: 'Invoice',
                value: invoice ? (
                  <>
                    <RecordLink type="Invoice" id={invoice.id}>
                      {invoice.number ?? 'Draft invoice'}
                    </RecordLink>
                    {` · ${enumLabel(invoice.status)}`}
                  </>
                ) : (
                  'Not billed yet'
                ),
              },
            ]
          : []),
        { label: 'Created', value: formatDateTime(w.createdAt) },
      ];
    },
    sections: (rec) => [{ id: 'lines', wide: true, node: <WorkOrderLinesTable workOrder={rec as Detail} /> }],
    timeline: (w) => timelineOf(w as Detail),
    // Completed, invoiced and cancelled orders do not change: they are reopened first.
    changeable: (w) => CHANGEABLE.includes((w as Detail).status),
    useExtras: (rec, reload) => useWorkOrderActions(rec as Detail | null, reload),
  },
  form: {
    titles: { create: 'New work order', edit: (w) => `Edit ${(w as Row).number}`, submit: 'Create work order' },
    variables: (ctx) => workOrderVariables(ctx.caps),
    // Mirrors CreateWorkOrderInput / UpdateWorkOrderInput; the status moves with its own commands.
    fields: [
      {
        kind: 'record',
        entity: 'Account',
        name: 'account',
        label: 'Account',
        required: true,
        half: true,
        autoFocus: true,
        from: (w) => option((w as Detail).account),
        // A contact of the previous account would be refused.
        onChange: (next, previous, form) => {
          if ((next as PickerOption | null)?.id !== (previous as PickerOption | null)?.id) form.set('contact', null);
        },
      },
      {
        kind: 'record',
        entity: 'Contact',
        name: 'contact',
        label: 'Contact',
        half: true,
        from: (w) => contactOption((w as Detail).contact),
        filter: (values) => {
          const account = values.account as PickerOption | null;
          return account ? { account: { id: { eq: account.id } } } : undefined;
        },
        helperText: (_ctx, values) =>
          values.account ? `Optional · the person on site at ${(values.account as PickerOption).label}` : 'Choose the account first',
      },
      { kind: 'multiline', name: 'description', label: 'Description', required: true, max: 2000, rows: 2 },
      linesField(true),
      linesField(false),
    ],
    // Those who price send every line's price (an emptied one as null, which clears it); a
    // dispatcher's lines send none, and the server keeps the office's price of each line.
    toInput: (values, ctx, defaults) => ({
      ...defaults,
      lines: (values.lines as LineValues[]).map(({ unitPrice, ...line }) => (setsPrices(ctx.caps) ? { ...line, unitPrice: unitPrice || null } : line)),
    }),
  },
  documents: { create: CreateWorkOrderDocument, update: UpdateWorkOrderDocument },
};
