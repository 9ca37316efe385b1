import type DataLoader from 'dataloader';
import type { Context } from '../../kernel/context';
import { childRowsLoader, childRowsOf, replaceChildRows, type ChildTable } from '../../kernel/data/child-rows';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';
import { assertMoneyRange, fromMinor, normalizeMoney } from '../../kernel/money';
import type { Path, Values } from '../../kernel/records/record.service';
import { fromThousandths, lineAmount, thousandths } from './invoice-amounts';
import type { WorkOrderLine } from './work-order-line.entity';
import type { WorkOrderLineInput } from './work-order.inputs';

interface StoredLine {
  description: string;
  quantity: string;
  unitPrice: string | null;
  amount: string | null;
}

export interface PricedWorkLines {
  lines: StoredLine[];
  total: string;
}

/**
 * Lines with their amounts. A line given without a price keeps the price of the line it replaces
 * (same place, same description), so a dispatcher's edit does not wipe the office's prices; those
 * who set prices clear one with an explicit null.
 */
export function priceWorkOrderLines(input: WorkOrderLineInput[], before: StoredLine[], canPrice: boolean, path: Path): PricedWorkLines {
  let total = 0n;
  const lines = input.map((l, i) => {
    const description = l.description.trim();
    const quantity = fromThousandths(thousandths(l.quantity));
    const keeps = l.unitPrice === undefined || (l.unitPrice === null && !canPrice);
    const kept = keeps && before[i] && before[i].description === description ? before[i].unitPrice : null;
    const price = l.unitPrice != null ? normalizeMoney(l.unitPrice) : kept != null ? normalizeMoney(String(kept)) : null;
    const amount = price != null ? lineAmount(quantity, price) : null;
    if (amount != null) {
      assertMoneyRange(amount, [...path, 'lines', i, 'unitPrice'], 'The line amount');
      total += amount;
    }
    return { description, quantity, unitPrice: price, amount: amount != null ? fromMinor(amount) : null };
  });
  assertMoneyRange(total, [...path, 'lines'], 'The total');
  return { lines, total: fromMinor(total) };
}

const WORK_ORDER_LINES: ChildTable = {
  table: 'work_order_lines',
  parent: 'workOrderId',
  columns: { description: 'text', quantity: 'numeric', unitPrice: 'numeric', amount: 'numeric' },
};

export function workOrderLinesOf(uow: UnitOfWork, workOrderId: string): Promise<StoredLine[]> {
  return childRowsOf(uow.manager, WORK_ORDER_LINES, workOrderId);
}

// Prices are two-decimal text both as stored (numeric(14,2)) and as priced; quantities are shown in their shortest form.
const text = (l: StoredLine) =>
  `${l.description}: ${fromThousandths(thousandths(String(l.quantity)))}${l.unitPrice != null ? ` × ${l.unitPrice}` : ' (unpriced)'}`;

/** Lines to write over a work order's `current` ones (as read while preparing; null for a new work order, which has none). */
export interface WorkLinesWrite {
  priced: PricedWorkLines;
  current: StoredLine[] | null;
}

/** Replaces a work order's lines; returns the logged change, or null when they stay the same. */
export async function replaceWorkOrderLines(uow: UnitOfWork, workOrderId: string, { priced, current }: WorkLinesWrite): Promise<Values | null> {
  const before = (current ?? []).map(text);
  const after = priced.lines.map(text);
  if (before.length === after.length && before.every((b, i) => b === after[i])) return null;
  await replaceChildRows(uow.manager, WORK_ORDER_LINES, workOrderId, priced.lines as unknown as Record<string, unknown>[], current === null);
  return { lines: { from: before.length ? before : null, to: after } };
}

/** Lines of many work orders in one statement per request; quantities shown as given. */
export function workOrderLinesLoader(ctx: Context): DataLoader<string, WorkOrderLine[]> {
  return childRowsLoader<WorkOrderLine & Record<string, unknown>>(ctx, WORK_ORDER_LINES, (r) => ({
    ...r,
    quantity: fromThousandths(thousandths(String(r.quantity))),
  }));
}
