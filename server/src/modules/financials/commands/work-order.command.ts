import { addDays, todayUtc } from '../../../kernel/calendar-date';
import type { Context } from '../../../kernel/context';
import { ActivityAction } from '../../../kernel/activity/activity-log.entity';
import { badInput } from '../../../kernel/errors/errors';
import { inTransaction, type UnitOfWork } from '../../../kernel/events/unit-of-work';
import { lockRow } from '../../../kernel/data/rows';
import { WorkOrderStatus } from '../financial.types';
import { Invoice, invoices } from '../invoice.entity';
import { activeInvoiceOf, visibleWorkOrder } from '../work-order-billing';
import { workOrderLinesOf } from '../work-order-lines';
import { WorkOrder, workOrders } from '../work-order.entity';

const { OPEN, SCHEDULED, IN_PROGRESS, COMPLETED, INVOICED, CANCELLED } = WorkOrderStatus;

/** Moves a person may make; INVOICED comes only from issuing the work order's invoice. */
const MOVES: Record<WorkOrderStatus, WorkOrderStatus[]> = {
  [OPEN]: [SCHEDULED, IN_PROGRESS, CANCELLED],
  [SCHEDULED]: [OPEN, IN_PROGRESS, CANCELLED],
  [IN_PROGRESS]: [SCHEDULED, COMPLETED, CANCELLED],
  [COMPLETED]: [IN_PROGRESS],
  [INVOICED]: [],
  [CANCELLED]: [OPEN],
};

export function changeWorkOrderStatus(ctx: Context, id: string, status: WorkOrderStatus, expectedVersion: number | null): Promise<WorkOrder> {
  return inTransaction(ctx, async (uow) => {
    const before = await workOrders.service.lockForWrite(ctx, uow, id);
    if (status === before.status) return workOrders.service.applyUpdate(ctx, uow, before, {}, expectedVersion);
    if (!MOVES[before.status].includes(status)) {
      const allowed = MOVES[before.status];
      throw badInput(
        ['status'],
        status === INVOICED
          ? 'A work order becomes INVOICED when its invoice is issued'
          : `${before.number} is ${before.status}: it can move to ${allowed.length ? allowed.join(', ') : 'nothing else'}`,
      );
    }
    if (before.status === COMPLETED) {
      const billed = await activeInvoiceOf(uow, id);
      if (billed) throw badInput(['status'], `${before.number} is billed by ${billed.number ?? 'a draft invoice'}: void or delete that first`);
    }
    return workOrders.service.applyUpdate(
      ctx,
      uow,
      before,
      { status },
      expectedVersion,
      status === COMPLETED ? ActivityAction.COMPLETED : ActivityAction.UPDATED,
    );
  });
}

/** A draft invoice of a completed work order's lines (every line must be priced), due in 30 days. */
export function createInvoiceFromWorkOrder(ctx: Context, workOrderId: string): Promise<Invoice> {
  return inTransaction(ctx, async (uow) => {
    // Locked first, so the lines billed are the completed order's; creating the invoice checks it may be billed.
    const wo = await visibleWorkOrder(ctx, uow, workOrderId, ['workOrderId']);
    const lines = await workOrderLinesOf(uow, workOrderId);
    if (!lines.length) throw badInput(['workOrderId'], `${wo.number} has no lines to bill`);
    const unpriced = lines.findIndex((l) => l.unitPrice == null);
    if (unpriced >= 0) throw badInput(['workOrderId'], `Line ${unpriced + 1} of ${wo.number} has no price yet`);
    return invoices.service.createIn(
      ctx,
      uow,
      {
        accountId: wo.accountId,
        workOrderId,
        dueDate: addDays(todayUtc(), 30),
        taxRate: '0',
        lines: lines.map((l) => ({ description: l.description, quantity: String(l.quantity), unitPrice: String(l.unitPrice) })),
      },
      // Rooted at the arguments: the billing check reports at `workOrderId`, this mutation's argument.
      [],
    );
  });
}

/** The work order an invoice bills follows it: INVOICED on issue, COMPLETED again when the invoice is voided. */
export async function followInvoice(ctx: Context, uow: UnitOfWork, invoice: Invoice, to: WorkOrderStatus.INVOICED | WorkOrderStatus.COMPLETED): Promise<void> {
  if (!invoice.workOrderId) return;
  const wo = await lockRow<WorkOrder>(uow.manager, workOrders.service.spec(ctx), invoice.workOrderId, {});
  if (wo) await workOrders.service.applyUpdate(ctx, uow, wo, { status: to }, null);
}
