import { useId, useMemo, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { InvoiceFullFragment } from '../../gql/graphql';
import { IssueInvoiceDocument, VoidInvoiceDocument } from '../../gql/invoices';
import { useCapabilities } from '../../app/capabilities';
import { actionErrorMessage } from '../../app/errors';
import { useNotify } from '../../components/Notifications';
import { forgetLists } from '../../components/kit/forget-lists';
import { toCents } from '../../components/kit/money';
import { useRecordFailure } from '../../components/kit/useRecordFailure';
import { useInvoicePdf } from './invoice-pdf';
import { issueBlocker } from './invoice-totals';
import { PaymentDialog } from './payment-dialog';
import { ReasonDialog } from './reason-dialog';

/**
 * The invoice page's commands for those who write financials: a draft is issued ("Issue", disabled
 * with the reason until the server would accept it); an issued invoice takes payments ("Record
 * payment"); either is voided ("Void", with a reason) while nothing has been paid on it. Whoever
 * reads the invoice may download it as a PDF.
 */
export function useInvoiceActions(invoice: InvoiceFullFragment | null, reload: () => Promise<unknown>) {
  const caps = useCapabilities();
  const client = useApolloClient();
  const notify = useNotify();
  const [issuing, setIssuing] = useState(false);
  const [dialog, setDialog] = useState<'payment' | 'void' | null>(null);
  const { fail, notice: error } = useRecordFailure(invoice?.id);
  const reasonId = useId();
  const blocker = useMemo(() => (invoice?.status === 'DRAFT' ? issueBlocker(invoice) : null), [invoice]);
  const pdf = useInvoicePdf(invoice);
  if (!invoice) return {};
  if (!caps.canUpdate('Invoice', invoice)) return { actions: pdf.action, notices: pdf.notice };

  const issue = async () => {
    setIssuing(true);
    fail(null);
    try {
      const { data } = await client.mutate({
        mutation: IssueInvoiceDocument,
        variables: { id: invoice.id },
        update: (cache) => forgetLists(cache, 'Invoice'),
      });
      notify(`Issued as ${data!.issueInvoice.number}`);
    } catch (err) {
      fail(actionErrorMessage(err));
    } finally {
      setIssuing(false);
      // The history gains the new number; after a refusal, the draft may have changed meanwhile.
      void reload();
    }
  };

  const voidIt = async (reason: string) => {
    await client.mutate({
      mutation: VoidInvoiceDocument,
      variables: { id: invoice.id, reason },
      update: (cache) => forgetLists(cache, 'Invoice'),
    });
    setDialog(null);
    notify(`${invoice.number ?? 'The draft'} is void`);
    void reload();
  };

  const open = invoice.status === 'ISSUED' || invoice.status === 'PARTIALLY_PAID';
  const voidable = (invoice.status === 'DRAFT' || open) && toCents(invoice.amountPaid) === 0n;
  if (!voidable && !open) {
    return {
      actions: pdf.action,
      notices: (
        <>
          {error}
          {pdf.notice}
        </>
      ),
    };
  }

  return {
    actions: (
      <>
        {invoice.status === 'DRAFT' && (
          <Button variant="contained" disabled={!!blocker || issuing} aria-describedby={blocker ? reasonId : undefined} onClick={() => void issue()}>
            Issue
          </Button>
        )}
        {open && (
          <Button variant="contained" onClick={() => setDialog('payment')}>
            Record payment
          </Button>
        )}
        {voidable && (
          <Button variant="outlined" color="error" onClick={() => setDialog('void')}>
            Void
          </Button>
        )}
        {pdf.action}
      </>
    ),
    notices: (
      <>
        {error}
        {pdf.notice}
        {blocker && (
          <Alert severity="info" id={reasonId} sx={{ mb: 2 }}>
            Not ready to issue: {blocker}
          </Alert>
        )}
        {open && <PaymentDialog invoice={invoice} open={dialog === 'payment'} onClose={() => setDialog(null)} onRecorded={() => void reload()} />}
        {voidable && (
          <ReasonDialog
            typeName="Invoice"
            open={dialog === 'void'}
            title={`Void ${invoice.number ?? 'draft invoice'}`}
            label="Reason"
            submitLabel="Void invoice"
            intro={
              invoice.number
                ? `Voiding reverses the posting of ${invoice.number} today; its number stays taken. Why is it void?`
                : 'A void draft is never issued. Why is it void?'
            }
            onClose={() => setDialog(null)}
            onSubmit={voidIt}
          />
        )}
      </>
    ),
  };
}
