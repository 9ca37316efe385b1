import { useApolloClient } from '@apollo/client/react';
import type { InvoiceFullFragment, PaymentMethod } from '../../gql/graphql';
import { RecordPaymentDocument } from '../../gql/invoices';
import { useNotify } from '../../components/Notifications';
import { FieldsDialog } from '../../components/kit/FieldsDialog';
import type { FieldDef } from '../../components/kit/form-fields';
import { forgetLists } from '../../components/kit/forget-lists';
import { enumLabel, today } from '../../components/kit/format';
import { formatMoney, moneyInputText, toCents } from '../../components/kit/money';

const METHODS: PaymentMethod[] = ['BANK_TRANSFER', 'CARD', 'CASH', 'CHECK'];

// Mirrors RecordPaymentInput on the server.
const FIELDS: FieldDef[] = [
  { kind: 'money', name: 'amount', label: 'Amount', required: true, half: true, autoFocus: true },
  { kind: 'date', name: 'date', label: 'Date received', required: true, half: true },
  { kind: 'select', name: 'method', label: 'Method', required: true, half: true, options: METHODS.map((m) => ({ value: m, label: enumLabel(m) })) },
  { kind: 'text', name: 'reference', label: 'Reference', max: 200, half: true, helperText: () => 'Check number, transfer reference, …' },
];

type Values = { amount: string; date: string; method: string; reference: string };
/** The values as checked: an empty reference is null. */
type Checked = { amount: string; date: string; method: PaymentMethod; reference: string | null };

/** What the dialog starts with: the whole balance, received today (not before the invoice was issued). */
function startValues(invoice: InvoiceFullFragment): Values {
  const day = today();
  const date = invoice.issueDate && invoice.issueDate > day ? invoice.issueDate : day;
  return { amount: moneyInputText(invoice.balanceDue), date, method: '', reference: '' };
}

/** Records money received against an issued invoice; the server's refusals land on their fields. */
export function PaymentDialog({ invoice, open, onClose, onRecorded }: { invoice: InvoiceFullFragment; open: boolean; onClose(): void; onRecorded(): void }) {
  const client = useApolloClient();
  const notify = useNotify();

  const record = async (v: Checked) => {
    // The server refuses the same; saying it here spares a round trip.
    if (toCents(v.amount) <= 0n) return { amount: 'must be above zero' };
    if (toCents(v.amount) > toCents(invoice.balanceDue)) return { amount: `is more than the balance due (${formatMoney(invoice.balanceDue)})` };
    const { data } = await client.mutate({
      mutation: RecordPaymentDocument,
      variables: { input: { invoiceId: invoice.id, amount: v.amount, date: v.date, method: v.method, reference: v.reference } },
      update: (cache) => forgetLists(cache, 'Payment'),
    });
    onClose();
    notify(`Payment of ${formatMoney(data!.recordPayment.amount)} recorded`);
    onRecorded();
  };

  return (
    <FieldsDialog<Checked>
      typeName="Payment"
      open={open}
      title={`Record payment for ${invoice.number}`}
      submitLabel="Record payment"
      intro={`Balance due ${formatMoney(invoice.balanceDue)} of ${formatMoney(invoice.total)}. The payment posts to cash and receivables.`}
      fields={FIELDS}
      // Fresh values each time the dialog opens: the balance may have changed since.
      start={() => startValues(invoice)}
      onClose={onClose}
      onSubmit={record}
    />
  );
}
