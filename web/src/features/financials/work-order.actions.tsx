import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import Button from '@mui/material/Button';
import type { WorkOrderFullFragment, WorkOrderStatus } from '../../gql/graphql';
import { ChangeWorkOrderStatusDocument, CreateInvoiceFromWorkOrderDocument } from '../../gql/work-orders';
import { useCapabilities, type Capabilities } from '../../app/capabilities';
import { actionErrorMessage } from '../../app/errors';
import { recordPath } from '../../app/registry';
import { useNotify } from '../../components/Notifications';
import { enumLabel } from '../../components/kit/format';
import { forgetLists } from '../../components/kit/forget-lists';
import { useRecordFailure } from '../../components/kit/useRecordFailure';

interface Move {
  to: WorkOrderStatus;
  label: string;
  /** The usual next step, shown as the main button. */
  main?: boolean;
}

/** The moves people make from each status, as the server allows them (INVOICED comes from issuing the invoice). */
const MOVES: Record<WorkOrderStatus, Move[]> = {
  OPEN: [
    { to: 'SCHEDULED', label: 'Schedule', main: true },
    { to: 'IN_PROGRESS', label: 'Start' },
    { to: 'CANCELLED', label: 'Cancel work order' },
  ],
  SCHEDULED: [
    { to: 'IN_PROGRESS', label: 'Start', main: true },
    { to: 'OPEN', label: 'Unschedule' },
    { to: 'CANCELLED', label: 'Cancel work order' },
  ],
  IN_PROGRESS: [
    { to: 'COMPLETED', label: 'Complete', main: true },
    { to: 'SCHEDULED', label: 'Back to scheduled' },
    { to: 'CANCELLED', label: 'Cancel work order' },
  ],
  COMPLETED: [{ to: 'IN_PROGRESS', label: 'Reopen' }],
  INVOICED: [],
  CANCELLED: [{ to: 'OPEN', label: 'Reopen', main: true }],
};

/** Whether the user's changes may carry prices: those who bill work orders price them. */
export const setsPrices = (caps: Capabilities) => caps.canCreate('Invoice');

/** Extra variables of work order documents: the billing invoice only for those who read invoices. */
export const workOrderVariables = (caps: Capabilities) => ({ withInvoice: caps.canRead('Invoice') });

type WorkOrder = WorkOrderFullFragment;

/**
 * The work order page's commands for those who write work orders: the status moves allowed from where
 * it stands, and, for those who bill, "Create invoice" on a completed order not billed yet, which opens
 * the new draft invoice. Refusals (an unpriced line, a billed order) show above the page.
 */
export function useWorkOrderActions(workOrder: WorkOrder | null, reload: () => Promise<unknown>) {
  const caps = useCapabilities();
  const client = useApolloClient();
  const navigate = useNavigate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const { fail, notice } = useRecordFailure(workOrder?.id);
  if (!workOrder || !caps.canUpdate('WorkOrder', workOrder)) return {};
  const wo = workOrder;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    fail(null);
    try {
      await action();
    } catch (err) {
      fail(actionErrorMessage(err));
      // The order may have moved meanwhile.
      void reload();
    } finally {
      setBusy(false);
    }
  };

  const move = (to: WorkOrderStatus) =>
    run(async () => {
      await client.mutate({
        mutation: ChangeWorkOrderStatusDocument,
        variables: { id: wo.id, status: to, expectedVersion: wo.version, ...workOrderVariables(caps) },
        update: (cache) => forgetLists(cache, 'WorkOrder'),
      });
      notify(`${wo.number} is ${enumLabel(to).toLowerCase()}`);
      // The history gains the move.
      void reload();
    });

  const bill = () =>
    run(async () => {
      const { data } = await client.mutate({
        mutation: CreateInvoiceFromWorkOrderDocument,
        variables: { workOrderId: wo.id },
        update: (cache) => forgetLists(cache, 'Invoice'),
      });
      notify(`Draft invoice for ${wo.number} created`);
      navigate(recordPath('Invoice', data!.createInvoiceFromWorkOrder.id) ?? '/invoices');
    });

  // Those who read invoices know whether it is billed: a billed order is not reopened.
  const billed = !!wo.invoice;
  const moves = billed && wo.status === 'COMPLETED' ? [] : MOVES[wo.status];
  const billable = caps.canCreate('Invoice') && wo.status === 'COMPLETED' && !billed;

  return {
    actions: (
      <>
        {billable && (
          <Button variant="contained" disabled={busy} onClick={() => void bill()}>
            Create invoice
          </Button>
        )}
        {moves.map((m) => (
          <Button
            key={m.to}
            variant={m.main ? 'contained' : 'outlined'}
            color={m.to === 'CANCELLED' ? 'error' : 'primary'}
            disabled={busy}
            onClick={() => void move(m.to)}
          >
            {m.label}
          </Button>
        ))}
      </>
    ),
    notices: notice,
  };
}
