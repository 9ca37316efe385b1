import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import Button from '@mui/material/Button';
import type { ExpenseFullFragment } from '../../gql/graphql';
import { ApproveExpenseDocument, RejectExpenseDocument } from '../../gql/expenses';
import { useCapabilities } from '../../app/capabilities';
import { actionErrorMessage } from '../../app/errors';
import { useNotify } from '../../components/Notifications';
import { forgetLists } from '../../components/kit/forget-lists';
import { formatMoney } from '../../components/kit/money';
import { useRecordFailure } from '../../components/kit/useRecordFailure';
import { ReasonDialog } from './reason-dialog';

/** The expense page's commands for those who write financials, while the expense waits: "Approve" posts it, "Reject" asks why. */
export function useExpenseActions(expense: ExpenseFullFragment | null, reload: () => Promise<unknown>) {
  const caps = useCapabilities();
  const client = useApolloClient();
  const notify = useNotify();
  const [approving, setApproving] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const { fail, notice } = useRecordFailure(expense?.id);
  if (!expense || expense.status !== 'SUBMITTED' || !caps.canUpdate('Expense', expense)) return {};

  const approve = async () => {
    setApproving(true);
    fail(null);
    try {
      await client.mutate({ mutation: ApproveExpenseDocument, variables: { id: expense.id }, update: (cache) => forgetLists(cache, 'Expense') });
      notify(`Approved: ${expense.vendor} ${formatMoney(expense.amount)} is posted`);
    } catch (err) {
      fail(actionErrorMessage(err));
    } finally {
      setApproving(false);
      void reload();
    }
  };

  const reject = async (reason: string) => {
    await client.mutate({ mutation: RejectExpenseDocument, variables: { id: expense.id, reason }, update: (cache) => forgetLists(cache, 'Expense') });
    setRejecting(false);
    notify(`Rejected: ${expense.vendor} ${formatMoney(expense.amount)}`);
    void reload();
  };

  return {
    actions: (
      <>
        <Button variant="contained" disabled={approving} onClick={() => void approve()}>
          Approve
        </Button>
        <Button variant="outlined" color="error" onClick={() => setRejecting(true)}>
          Reject
        </Button>
      </>
    ),
    notices: (
      <>
        {notice}
        <ReasonDialog
          typeName="Expense"
          open={rejecting}
          title={`Reject ${expense.vendor} ${formatMoney(expense.amount)}`}
          label="Reason"
          submitLabel="Reject expense"
          intro="Nothing is posted for a rejected expense. Why is it rejected?"
          onClose={() => setRejecting(false)}
          onSubmit={reject}
        />
      </>
    ),
  };
}
