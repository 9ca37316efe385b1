import fc from 'fast-check';
import type { Client } from '../../../test/client';
import { clientAs, createAccount, createLedgerAccount } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

// Random sequences of what a bookkeeper does — invoices created, issued, paid (sometimes too much),
// voided; expenses approved or rejected; manual entries posted and reversed — with the books
// checked after every step: the trial balance balances, the receivable account moves exactly with
// the open balances, and nothing posted ever changes.

let server: TestServer;
let accountant: Client;
let customer: string;
let ar: string;
let bank: string;
let income: string;
let fuel: string;
beforeAll(async () => {
  server = await startTestServer();
  accountant = await clientAs(server, 'ACCOUNTANT');
  customer = (await createAccount(server.ds, accountant.user.id)).id as string;
  [{ id: ar }] = await server.ds.query(`SELECT "id" FROM "ledger_accounts" WHERE "systemRole" = 'ACCOUNTS_RECEIVABLE'`);
  bank = (await createLedgerAccount(server.ds, { type: 'ASSET' })).id as string;
  income = (await createLedgerAccount(server.ds, { type: 'REVENUE' })).id as string;
  fuel = (await createLedgerAccount(server.ds, { type: 'EXPENSE' })).id as string;
});
afterAll(async () => {
  await server.stop();
});

const today = () => new Date().toISOString().slice(0, 10);
const cents = (s: string) => BigInt(s.replace('.', ''));
const money = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

type Op =
  | { kind: 'invoice'; lines: { q: number; price: number }[]; rate: string }
  | { kind: 'issue' | 'void'; pick: number }
  | { kind: 'pay'; pick: number; share: number; over: boolean }
  | { kind: 'expense'; amount: number; approve: boolean }
  | { kind: 'entry'; amount: number }
  | { kind: 'reverse'; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('invoice' as const),
    lines: fc.array(fc.record({ q: fc.integer({ min: 1, max: 5000 }), price: fc.integer({ min: 0, max: 50_000 }) }), { minLength: 1, maxLength: 3 }),
    rate: fc.constantFrom('0', '8.25', '7.125', '20'),
  }),
  fc.record({ kind: fc.constantFrom('issue' as const, 'void' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('pay' as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }), over: fc.boolean() }),
  fc.record({ kind: fc.constant('expense' as const), amount: fc.integer({ min: 1, max: 100_000 }), approve: fc.boolean() }),
  fc.record({ kind: fc.constant('entry' as const), amount: fc.integer({ min: 1, max: 100_000 }) }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
);

interface Inv {
  id: string;
  status: string;
  balanceDue: string;
  amountPaid: string;
}

async function invoices(ids: string[]): Promise<Inv[]> {
  if (!ids.length) return [];
  return (
    await accountant.ok(`query($ids: [ID!]!) { invoices(first: 100, filter: { id: { in: $ids } }) { nodes { id status balanceDue amountPaid } } }`, { ids })
  ).invoices.nodes;
}

async function arBalance(): Promise<bigint> {
  return cents((await accountant.ok(`query($id: ID!) { ledgerAccount(id: $id) { balance(asOf: "9999-12-31") } }`, { id: ar })).ledgerAccount.balance);
}

/** Every posted entry of the run with its lines, as stored. */
async function postedRows(ids: string[]): Promise<string> {
  const rows = await server.ds.query(
    `SELECT e."id", e."number", e."date", e."status", e."totalDebit", e."totalCredit", e."postedAt", e."version",
            json_agg(json_build_array(l."position", l."ledgerAccountId", l."debit", l."credit", l."description") ORDER BY l."position") AS lines
       FROM "journal_entries" e JOIN "journal_lines" l ON l."entryId" = e."id" WHERE e."id" = ANY($1::uuid[]) GROUP BY e."id" ORDER BY e."id"`,
    [ids],
  );
  return JSON.stringify(rows);
}

async function run(ops: Op[]): Promise<void> {
  const made: string[] = [];
  const entries: string[] = [];
  const reversed = new Set<string>();
  const arAtStart = await arBalance();
  let posted: { ids: string[]; snapshot: string } = { ids: [], snapshot: '[]' };
  const pick = <T>(xs: T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
  const expectCode = (res: { errors?: { extensions?: { code?: string } }[] }, ok: boolean) =>
    expect(res.errors?.[0]?.extensions?.code ?? 'OK').toBe(ok ? 'OK' : 'BAD_USER_INPUT');

  for (const o of ops) {
    const current = await invoices(made);
    if (o.kind === 'invoice') {
      const lines = o.lines.map((l) => ({ description: 'Work', quantity: String(l.q / 1000), unitPrice: money(BigInt(l.price)) }));
      made.push(
        (
          await accountant.ok(`mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }`, {
            input: { accountId: customer, dueDate: '2030-01-01', taxRate: o.rate, lines },
          })
        ).createInvoice.id,
      );
    } else if (o.kind === 'issue') {
      const inv = pick(
        current.filter((i) => i.status === 'DRAFT'),
        o.pick,
      );
      if (inv) {
        const total = cents((await accountant.ok(`query($id: ID!) { invoice(id: $id) { total } }`, { id: inv.id })).invoice.total);
        expectCode(await accountant.request(`mutation($id: ID!) { issueInvoice(id: $id) { id } }`, { id: inv.id }), total > 0n);
      }
    } else if (o.kind === 'void') {
      const inv = pick(
        current.filter((i) => i.status !== 'VOID'),
        o.pick,
      );
      if (inv)
        expectCode(
          await accountant.request(`mutation($id: ID!) { voidInvoice(id: $id, reason: "Test") { id } }`, { id: inv.id }),
          cents(inv.amountPaid) === 0n,
        );
    } else if (o.kind === 'pay') {
      const inv = pick(
        current.filter((i) => i.status === 'ISSUED' || i.status === 'PARTIALLY_PAID'),
        o.pick,
      );
      if (inv) {
        const due = cents(inv.balanceDue);
        const amount = o.over ? due + 1n : (due * BigInt(o.share)) / 100n || 1n;
        const res = await accountant.request(`mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }`, {
          input: { invoiceId: inv.id, amount: money(amount), date: today(), method: 'CARD' },
        });
        expectCode(res, !o.over);
      }
    } else if (o.kind === 'expense') {
      const e = (
        await accountant.ok(`mutation($input: CreateExpenseInput!) { createExpense(input: $input) { id } }`, {
          input: { vendor: 'Depot', categoryId: fuel, amount: money(BigInt(o.amount)), date: today() },
        })
      ).createExpense;
      if (o.approve) await accountant.ok(`mutation($id: ID!) { approveExpense(id: $id) { id } }`, { id: e.id });
      else await accountant.ok(`mutation($id: ID!) { rejectExpense(id: $id, reason: "No receipt") { id } }`, { id: e.id });
    } else if (o.kind === 'entry') {
      const amount = money(BigInt(o.amount));
      const e = (
        await accountant.ok(`mutation($input: CreateJournalEntryInput!) { createJournalEntry(input: $input) { id } }`, {
          input: {
            date: today(),
            lines: [
              { ledgerAccountId: bank, debit: amount },
              { ledgerAccountId: income, credit: amount },
            ],
          },
        })
      ).createJournalEntry;
      await accountant.ok(`mutation($id: ID!) { postJournalEntry(id: $id) { id } }`, { id: e.id });
      entries.push(e.id);
    } else {
      const id = pick(
        entries.filter((e) => !reversed.has(e)),
        o.pick,
      );
      if (id) {
        await accountant.ok(`mutation($id: ID!, $d: Date!) { reverseJournalEntry(id: $id, date: $d) { id } }`, { id, d: today() });
        reversed.add(id);
      }
    }

    // The books after this step.
    const trial = (await accountant.ok(`{ trialBalance(asOf: "9999-12-31") { totalDebit totalCredit } }`)).trialBalance;
    expect(trial.totalDebit).toBe(trial.totalCredit);
    const open = (await invoices(made)).filter((i) => i.status === 'ISSUED' || i.status === 'PARTIALLY_PAID').reduce((s, i) => s + cents(i.balanceDue), 0n);
    expect((await arBalance()) - arAtStart).toBe(open);
    expect(await postedRows(posted.ids)).toBe(posted.snapshot);
    const ids: string[] = (
      await server.ds.query(`SELECT "id" FROM "journal_entries" WHERE "status" = 'POSTED' AND "createdAt" >= now() - interval '1 hour'`)
    ).map((r: { id: string }) => r.id);
    posted = { ids, snapshot: await postedRows(ids) };
  }
}

describe('the books under random work (property)', () => {
  it('stay balanced, keep AR equal to the open balances, and never change what was posted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 14 }), (ops) => run(ops)),
      { numRuns: 12 },
    );
  }, 180_000);
});
