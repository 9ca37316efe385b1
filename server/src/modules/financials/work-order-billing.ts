import { requirePrincipal, type Context } from '../../kernel/context';
import { lockRow } from '../../kernel/data/rows';
import { badInput } from '../../kernel/errors/errors';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';
import type { Path } from '../../kernel/records/record.service';
import { WorkOrderStatus } from './financial.types';
import { workOrders, type WorkOrder } from './work-order.entity';

/**
 * A work order may be billed once it is COMPLETED, by one invoice at a time (a void one does not
 * count), to its own account. Locks the work order for the rest of the transaction.
 */
export async function checkWorkOrderToBill(ctx: Context, uow: UnitOfWork, workOrderId: string, accountId: string, path: Path): Promise<WorkOrder> {
  // Locked before its status is read, so a move made meanwhile cannot slip between check and bill.
  const row = await lockRow<WorkOrder>(uow.manager, workOrders.service.spec(ctx), workOrderId, { where: workOrders.policy.readWhere(requirePrincipal(ctx)) });
  if (!row) throw badInput(path, 'WorkOrder not found');
  if (row.status !== WorkOrderStatus.COMPLETED)
    throw badInput(path, `${row.number} is ${row.status.toLowerCase().replace('_', ' ')}: only a completed work order is billed`);
  if (row.accountId !== accountId) throw badInput(path, `${row.number} is for another account`);
  const billed = await activeInvoiceOf(uow, workOrderId);
  if (billed) throw badInput(path, `${row.number} is already billed by ${billed.number ?? 'a draft invoice'}`);
  return row;
}

/** The invoice billing a work order (a void one does not count); null when none. */
export async function activeInvoiceOf(uow: UnitOfWork, workOrderId: string): Promise<{ number: string | null } | null> {
  const [billed] = await uow.manager.query(`SELECT "number" FROM "invoices" WHERE "workOrderId" = $1 AND "status" <> 'VOID' LIMIT 1`, [workOrderId]);
  return billed ?? null;
}

/**
 * A work order as the caller may read it, locked, so its lines cannot change before its invoice is
 * created (which checks it may be billed, checkWorkOrderToBill, on the same lock); bad input at
 * `path` when missing or not visible.
 */
export async function visibleWorkOrder(ctx: Context, uow: UnitOfWork, workOrderId: string, path: Path): Promise<Pick<WorkOrder, 'number' | 'accountId'>> {
  const row = await lockRow<WorkOrder>(uow.manager, workOrders.service.spec(ctx), workOrderId, { where: workOrders.policy.readWhere(requirePrincipal(ctx)) });
  if (!row) throw badInput(path, 'WorkOrder not found');
  return row;
}
