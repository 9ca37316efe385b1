import { useEffect, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import DialogContentText from '@mui/material/DialogContentText';
import { RecordPaymentDocument, type InvoiceFullFragment, type PaymentMethod } from '../../gql/graphql';
import { actionErrorMessage, describeError, type UserFacingError } from '../../app/errors';
import { useNotify } from '../../components/Notifications';
import { FormFields, type FieldDef } from '../../components/kit/form-fields';
import { formSchema } from '../../components/kit/form-schema';
import { forgetLists } from '../../components/kit/forget-lists';
import { enumLabel } from '../../components/kit/format';
import { formatMoney, moneyInputText, toCents } from '../../components/kit/money';
import { RecordDialog } from '../../components/kit/RecordDialog';
import { useKitContext } from '../../components/kit/useKitContext';
import { today } from './journal-entry.actions';

const METHODS: PaymentMethod[] = ['BANK_TRANSFER', 'CARD', 'CASH', 'CHECK'];

// Mirrors RecordPaymentInput on the server.
const FIELDS: FieldDef[] = [
  { kind: 'money', name: 'amount', label: 'Amount', required: true, half: true, autoFocus: true },
  { kind: 'date', name: 'date', label: 'Date received', required: true, half: true },
  { kind: 'select', name: 'method', label: 'Method', required: true, half: true, options: METHODS.map((m) => ({ value: m, label: enumLabel(m) })) },
  { kind: 'text', name: 'reference', label: 'Reference', max: 200, half: true, helperText: () => 'Check number, transfer reference, …' },
];
const schema = formSchema(FIELDS);
const NAMES = new Set(FIELDS.map((f) => f.name));

type Values = { amount: string; date: string; method: string; reference: string };

/** What the dialog starts with: the whole balance, received today (not before the invoice was issued). */
function startValues(invoice: InvoiceFullFragment): Values {
  const day = today();
  const date = invoice.issueDate && invoice.issueDate > day ? invoice.issueDate : day;
  return { amount: moneyInputText(invoice.balanceDue), date, method: '', reference: '' };
}

/** Records money received against an issued invoice; the server's refusals land on their fields. */
export function PaymentDialog({ invoice, open, onClose, onRecorded }: { invoice: InvoiceFullFragment; open: boolean; onClose(): void; onRecorded(): void }) {
  const ctx = { ...useKitContext('Payment'), record: null };
  const client = useApolloClient();
  const notify = useNotify();
  const methods = useForm<Values>({ defaultValues: startValues(invoice), resolver: zodResolver(schema) as never });
  const [formError, setFormError] = useState<UserFacingError | null>(null);
  const { reset } = methods;
  // Fresh values each time the dialog opens: the balance may have changed since.
  useEffect(() => {
    if (open) {
      reset(startValues(invoice));
      setFormError(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on opening, never while typing
  }, [open, reset]);

  const submit = methods.handleSubmit(async (checked) => {
    const v = checked as unknown as { amount: string; date: string; method: PaymentMethod; reference: string | null };
    setFormError(null);
    // The server refuses the same; saying it here spares a round trip.
    if (toCents(v.amount) <= 0n) return methods.setError('amount', { type: 'validate', message: 'must be above zero' });
    if (toCents(v.amount) > toCents(invoice.balanceDue)) {
      return methods.setError('amount', { type: 'validate', message: `is more than the balance due (${formatMoney(invoice.balanceDue)})` });
    }
    try {
      const { data } = await client.mutate({
        mutation: RecordPaymentDocument,
        variables: { input: { invoiceId: invoice.id, amount: v.amount, date: v.date, method: v.method, reference: v.reference } },
        update: (cache) => forgetLists(cache, 'Payment'),
      });
      onClose();
      notify(`Payment of ${formatMoney(data!.recordPayment.amount)} recorded`);
      onRecorded();
    } catch (err) {
      const d = describeError(err);
      const placed = Object.entries(d.fields).filter(([name]) => NAMES.has(name));
      for (const [name, message] of placed) methods.setError(name as keyof Values, { type: 'server', message });
      if (!placed.length) setFormError({ ...d, message: actionErrorMessage(err) });
    }
  });

  return (
    <FormProvider {...methods}>
      <RecordDialog
        open={open}
        title={`Record payment for ${invoice.number}`}
        submitLabel="Record payment"
        submitting={methods.formState.isSubmitting}
        formError={formError}
        onClose={onClose}
        onSubmit={() => void submit()}
      >
        <DialogContentText sx={{ mb: 1 }}>
          {`Balance due ${formatMoney(invoice.balanceDue)} of ${formatMoney(invoice.total)}. The payment posts to cash and receivables.`}
        </DialogContentText>
        <FormFields fields={FIELDS} ctx={ctx} />
      </RecordDialog>
    </FormProvider>
  );
}
