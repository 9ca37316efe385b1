import type { PaymentMethod, PaymentRowFragment } from '../../gql/graphql';
import { PaymentsDocument } from '../../gql/payments';
import { RecordLink } from '../../components/kit/descriptors';
import { enumLabel, formatDate, formatMoney } from '../../components/kit/format';
import type { EntityScreens } from '../../components/kit/types';

type Row = PaymentRowFragment;

const METHODS: PaymentMethod[] = ['BANK_TRANSFER', 'CARD', 'CASH', 'CHECK'];

// Payments are recorded from their invoice's page and never edited: this is a read-only list.
export const screens: EntityScreens = {
  list: {
    query: PaymentsDocument,
    subtitle: 'Money received against invoices, newest first; record a payment from its invoice.',
    defaultSort: { field: 'DATE', direction: 'DESC' },
    sorts: { DATE: 'Date', AMOUNT: 'Amount', CREATED_AT: 'Recorded' },
    filters: [
      { kind: 'text', label: 'Filter payments by invoice number', toFilter: (q) => ({ invoice: { number: { contains: q } } }) },
      { kind: 'enum', key: 'method', label: 'Method', field: 'method', options: METHODS.map((m) => ({ value: m, label: enumLabel(m) })) },
      { kind: 'dateRange', key: 'date', label: 'Date', field: 'date' },
    ],
    columns: [
      { id: 'date', label: 'Date', sortField: 'DATE', render: (p: Row) => formatDate(p.date) },
      {
        id: 'invoice',
        label: 'Invoice',
        render: (p: Row) =>
          p.invoice ? (
            <RecordLink type="Invoice" id={p.invoice.id}>
              {p.invoice.number ?? 'Draft'}
            </RecordLink>
          ) : (
            '—'
          ),
      },
      { id: 'account', label: 'Account', render: (p: Row) => p.invoice?.account?.name ?? '—', hideBelow: 'md' },
      { id: 'amount', label: 'Amount', sortField: 'AMOUNT', align: 'right', render: (p: Row) => formatMoney(p.amount) },
      { id: 'method', label: 'Method', render: (p: Row) => enumLabel(p.method), hideBelow: 'sm' },
      { id: 'reference', label: 'Reference', render: (p: Row) => p.reference ?? '—', hideBelow: 'sm' },
    ],
    rowLabel: (p) => `Payment of ${formatMoney((p as Row).amount)}`,
    emptyHint: () => 'Payments appear here once they are recorded on an issued invoice.',
  },
};
