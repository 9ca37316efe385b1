import type DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { requirePrincipal, type Context } from '../../kernel/context';
import { reader } from '../../kernel/data/reader';
import { byColumnLoader } from '../../kernel/loaders/loaders';
import { changeWorkOrderStatus, createInvoiceFromWorkOrder } from './commands/work-order.command';
import { WorkOrderStatus } from './financial.types';
import { Invoice, invoices } from './invoice.entity';
import { WorkOrderLine } from './work-order-line.entity';
import { workOrderLinesLoader } from './work-order-lines';
import { WorkOrder } from './work-order.entity';

const ID_ARG = { description: 'Identifier of the record.' };
const VERSION_ARG = { nullable: true, description: 'The version you last read; if the record has changed since, the write fails with CONFLICT.' };

/** The invoice billing each of many work orders (the latest that is not void), in one statement per request. */
function invoiceLoader(ctx: Context): DataLoader<string, Invoice[]> {
  return ctx.loaders.get('Invoice.byWorkOrder', () => {
    const scope = invoices.policy.readWhere(requirePrincipal(ctx));
    return byColumnLoader<Invoice>(reader(ctx.ds), invoices.service.spec(ctx), 'workOrderId', {
      where: (params) => [`t."status" <> 'VOID'`, ...scope(params)],
      orderBy: ['t."createdAt" DESC'],
      first: true,
    });
  });
}

/** Status moves and billing; the rest of a work order's fields and mutations come from the record kit. */
@Resolver(() => WorkOrder)
export class WorkOrderResolver {
  @Mutation(() => WorkOrder, { description: 'Moves a work order along OPEN → SCHEDULED → IN_PROGRESS → COMPLETED (or CANCELLED, or back a step).' })
  changeWorkOrderStatus(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('status', () => WorkOrderStatus, { description: 'The status to move to (INVOICED comes from issuing its invoice).' }) status: WorkOrderStatus,
    @Arg('expectedVersion', () => Int, VERSION_ARG) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<WorkOrder> {
    return changeWorkOrderStatus(ctx, id, status, expectedVersion);
  }

  @Mutation(() => Invoice, {
    description: 'A draft invoice of a COMPLETED work order’s priced lines, due in 30 days; the work order turns INVOICED when it is issued.',
  })
  createInvoiceFromWorkOrder(
    @Arg('workOrderId', () => ID, { description: 'The completed work order.' }) workOrderId: string,
    @Ctx() ctx: Context,
  ): Promise<Invoice> {
    return createInvoiceFromWorkOrder(ctx, workOrderId);
  }

  @FieldResolver(() => [WorkOrderLine], { description: 'Its lines, in order.' })
  lines(@Root() w: WorkOrder, @Ctx() ctx: Context): Promise<WorkOrderLine[]> {
    return workOrderLinesLoader(ctx).load(w.id);
  }

  @FieldResolver(() => Invoice, { nullable: true, description: 'The invoice billing it (not a void one); null when none or not visible to you.' })
  invoice(@Root() w: WorkOrder, @Ctx() ctx: Context): Promise<Invoice | null> {
    return invoiceLoader(ctx)
      .load(w.id)
      .then(([i]) => i ?? null);
  }
}
