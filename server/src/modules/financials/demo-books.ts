import type { DataSource, EntityManager } from 'typeorm';
import { addDays, todayUtc } from '../../kernel/calendar-date';
import type { Context } from '../../kernel/context';
import { inTransaction } from '../../kernel/events/unit-of-work';
import { Loaders } from '../../kernel/loaders/loaders';
import { fromMinor, toMinor } from '../../kernel/money';
import { approveExpense, rejectExpense } from './commands/expense-approval.command';
import { issueInvoice, recordPayment, voidInvoice } from './commands/invoice-money.command';
import { postSystemEntry } from './commands/post-journal-entry.command';
import { changeWorkOrderStatus } from './commands/work-order.command';
import { expenses } from './expense.entity';
import { PaymentMethod, WorkOrderStatus } from './financial.types';
import { invoices } from './invoice.entity';
import type { RecordPaymentInput } from './invoice.inputs';
import { JournalSource } from './journal.types';
import { workOrders } from './work-order.entity';

// A year of books for the demo: the owner's opening investment, invoices every month (most paid in
// full, some in part, a few overdue or void), approved and rejected expenses, and some work orders
// in progress — all through the same commands people use, so every figure is posted and balanced.

/** A small deterministic generator, so the demo is the same on every machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JOBS = [
  { description: 'Service call', price: '95.00' },
  { description: 'Labour (hours)', price: '85.00' },
  { description: 'Water heater flush', price: '149.00' },
  { description: 'Thermostat replacement', price: '210.00' },
  { description: 'Pressure valve', price: '64.50' },
  { description: 'Annual maintenance visit', price: '189.00' },
  { description: 'Pipe fittings', price: '12.75' },
];
const SPENDING = [
  { code: '5000', vendor: 'Ferguson Supply', min: 200, max: 2400 },
  { code: '6200', vendor: 'Shell Fleet', min: 150, max: 600 },
  { code: '6100', vendor: 'City Power & Water', min: 180, max: 320 },
  { code: '6400', vendor: 'Converge Cloud', min: 49, max: 49 },
  { code: '5100', vendor: 'Ace Electrical Subcontracting', min: 400, max: 1800 },
];

/**
 * Books a year of activity for the demo accounts as the given accountant. Runs after the CRM demo
 * data exists (it bills those accounts). All or nothing: each command's transaction joins one
 * transaction around them all, so books that fail partway leave none and seedDemo books them on the
 * next start.
 */
export async function seedDemoBooks(ds: DataSource, accountant: { id: string; name: string }): Promise<void> {
  await ds.transaction(async (manager) => {
    const joined = new Proxy(ds, {
      get: (target, key) => (key === 'transaction' ? (run: (m: EntityManager) => Promise<unknown>) => run(manager) : Reflect.get(target, key)),
    });
    await bookYear(joined, accountant);
  });
}

async function bookYear(ds: DataSource, accountant: { id: string; name: string }): Promise<void> {
  const ctx: Context = {
    requestId: 'demo-books',
    ip: '',
    ds,
    token: null,
    loaders: new Loaders(),
    principal: {
      userId: accountant.id,
      name: accountant.name,
      role: 'ACCOUNTANT',
      sessionId: null,
      apiKeyId: null,
      apiKeyName: null,
      readOnly: false,
      expiresAt: null,
    },
  };
  const rnd = random(20261206);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const between = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const today = todayUtc();
  const start = addDays(today, -365);
  const accountIds: string[] = (await ds.query(`SELECT "id" FROM "accounts" WHERE "deletedAt" IS NULL ORDER BY "name"`)).map((r: { id: string }) => r.id);
  const chart = new Map<string, string>(
    (await ds.query(`SELECT "code", "id" FROM "ledger_accounts"`)).map((r: { code: string; id: string }) => [r.code, r.id] as [string, string]),
  );
  if (!accountIds.length) return;

  // The owner puts money in before the first job.
  await inTransaction(ctx, (uow) =>
    postSystemEntry(ctx, uow, {
      date: start,
      memo: 'Opening investment',
      source: JournalSource.MANUAL,
      lines: [
        { ledgerAccountId: chart.get('1000')!, debit: '25000.00', credit: '0', description: 'Owner’s investment' },
        { ledgerAccountId: chart.get('3000')!, debit: '0', credit: '25000.00', description: 'Owner’s investment' },
      ],
    }),
  );

  const payments: { date: string; input: RecordPaymentInput }[] = [];
  for (let month = 0; month < 12; month++) {
    const monthStart = addDays(start, month * 30);
    const count = between(5, 9);
    for (let i = 0; i < count; i++) {
      const issued = addDays(monthStart, between(0, 27));
      if (issued > today) continue;
      const lines = Array.from({ length: between(1, 3) }, () => {
        const job = pick(JOBS);
        return { description: job.description, quantity: job.description.startsWith('Labour') ? String(between(1, 8)) : '1', unitPrice: job.price };
      });
      const draft = await invoices.service.create(ctx, { accountId: pick(accountIds), dueDate: addDays(issued, 30), taxRate: '8.25', lines });
      const invoice = await issueInvoice(ctx, draft.id, issued);
      const roll = rnd();
      const age = (Date.parse(today) - Date.parse(issued)) / 86_400_000;
      if (roll < 0.04 && age > 20) {
        await voidInvoice(ctx, invoice.id, 'Billed to the wrong account', addDays(issued, 3));
      } else if (roll < 0.8 && age > 15) {
        const paidOn = addDays(issued, between(7, Math.min(45, Math.floor(age))));
        payments.push({
          date: paidOn,
          input: { invoiceId: invoice.id, amount: String(invoice.total), date: paidOn, method: pick(Object.values(PaymentMethod)), reference: null },
        });
      } else if (roll < 0.9 && age > 10) {
        const paidOn = addDays(issued, between(5, Math.floor(age)));
        const half = fromMinor(toMinor(String(invoice.total)) / 2n);
        payments.push({
          date: paidOn,
          input: { invoiceId: invoice.id, amount: half, date: paidOn, method: PaymentMethod.CHECK, reference: `#${between(1000, 9999)}` },
        });
      }
    }
    for (const spend of SPENDING) {
      const spent = addDays(monthStart, between(0, 27));
      if (spent > today) continue;
      const amount = `${between(spend.min, spend.max)}.${String(between(0, 99)).padStart(2, '0')}`;
      const e = await expenses.service.create(ctx, { vendor: spend.vendor, categoryId: chart.get(spend.code)!, amount, date: spent, description: null });
      if (rnd() < 0.06) await rejectExpense(ctx, e.id, 'No receipt attached');
      else if (addDays(spent, 7) <= today) await approveExpense(ctx, e.id);
    }
    const rent = addDays(monthStart, 0);
    const e = await expenses.service.create(ctx, {
      vendor: 'Main Street Properties',
      categoryId: chart.get('6000')!,
      amount: '1850.00',
      date: rent,
      description: 'Workshop rent',
    });
    await approveExpense(ctx, e.id);
  }
  // Payments in the order they came in, so the books read as they happened.
  for (const p of payments.filter((x) => x.date <= today).sort((a, b) => a.date.localeCompare(b.date))) await recordPayment(ctx, p.input);

  // Jobs on the board right now.
  const steps: WorkOrderStatus[][] = [[], [WorkOrderStatus.SCHEDULED], [WorkOrderStatus.IN_PROGRESS], [WorkOrderStatus.IN_PROGRESS, WorkOrderStatus.COMPLETED]];
  for (let i = 0; i < 8; i++) {
    const job = pick(JOBS);
    const wo = await workOrders.service.create(ctx, {
      accountId: pick(accountIds),
      description: `${job.description} — ${pick(['no hot water', 'leaking valve', 'noisy boiler', 'annual check', 'new thermostat'])}`,
      lines: [{ description: job.description, quantity: '1', unitPrice: job.price }],
    });
    for (const status of steps[i % steps.length]) await changeWorkOrderStatus(ctx, wo.id, status, null);
  }
}
