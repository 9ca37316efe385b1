import type { Client } from '../../../test/client';
import { clientAs, createAccount, createLedgerAccount, ROLES, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const cents = (s: string) => BigInt(s.replace('.', '')); // "12.34" → 1234n; amounts always carry two decimals
const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function post(c: Client, date: string, lines: { ledgerAccountId: string; debit?: string; credit?: string }[]) {
  const e = (await c.ok(`mutation($input: CreateJournalEntryInput!) { createJournalEntry(input: $input) { id } }`, { input: { date, lines } }))
    .createJournalEntry;
  await c.ok(`mutation($id: ID!) { postJournalEntry(id: $id) { id } }`, { id: e.id });
}

async function issue(c: Client, accountId: string, dueDate: string, price: string) {
  const inv = (
    await c.ok(`mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }`, {
      input: { accountId, dueDate, lines: [{ description: 'Service call', quantity: '1', unitPrice: price }] },
    })
  ).createInvoice;
  return (await c.ok(`mutation($id: ID!) { issueInvoice(id: $id) { id number total } }`, { id: inv.id })).issueInvoice;
}

describe('financial reports', () => {
  it('profit and loss: revenue, expenses and net income of the period only', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const year = 2300 + Math.floor(Math.random() * 600);
    const [bank, sales, rent] = [
      (await createLedgerAccount(server.ds, { type: 'ASSET' })).id as string,
      (await createLedgerAccount(server.ds, { type: 'REVENUE', name: tag('Sales') })).id as string,
      (await createLedgerAccount(server.ds, { type: 'EXPENSE', name: tag('Rent') })).id as string,
    ];
    await post(accountant, `${year}-01-31`, [
      { ledgerAccountId: bank, debit: '1000.00' },
      { ledgerAccountId: sales, credit: '1000.00' },
    ]);
    await post(accountant, `${year}-02-15`, [
      { ledgerAccountId: bank, debit: '250.25' },
      { ledgerAccountId: sales, credit: '250.25' },
    ]);
    await post(accountant, `${year}-02-01`, [
      { ledgerAccountId: rent, debit: '400.00' },
      { ledgerAccountId: bank, credit: '400.00' },
    ]);
    await post(accountant, `${year}-03-01`, [
      { ledgerAccountId: rent, debit: '400.00' },
      { ledgerAccountId: bank, credit: '400.00' },
    ]);

    const PL = `query($from: Date!, $to: Date!) { profitAndLoss(from: $from, to: $to) { revenue expenses netIncome rows { amount ledgerAccount { id type } } } }`;
    const feb = (await accountant.ok(PL, { from: `${year}-02-01`, to: `${year}-02-28` })).profitAndLoss;
    expect(feb).toMatchObject({ revenue: '250.25', expenses: '400.00', netIncome: '-149.75' });
    expect(feb.rows).toEqual([
      { amount: '250.25', ledgerAccount: { id: sales, type: 'REVENUE' } },
      { amount: '400.00', ledgerAccount: { id: rent, type: 'EXPENSE' } },
    ]);
    const q1 = (await accountant.ok(PL, { from: `${year}-01-01`, to: `${year}-03-31` })).profitAndLoss;
    expect(q1).toMatchObject({ revenue: '1250.25', expenses: '800.00', netIncome: '450.25' });
    // The months, each summed in one statement: every month the period touches, clipped to it, empty ones zero.
    const MONTHS = `query($from: Date!, $to: Date!) { profitAndLoss(from: $from, to: $to) { months { month revenue expenses } } }`;
    expect((await accountant.ok(MONTHS, { from: `${year}-01-01`, to: `${year}-04-30` })).profitAndLoss.months).toEqual([
      { month: `${year}-01`, revenue: '1000.00', expenses: '0.00' },
      { month: `${year}-02`, revenue: '250.25', expenses: '400.00' },
      { month: `${year}-03`, revenue: '0.00', expenses: '400.00' },
      { month: `${year}-04`, revenue: '0.00', expenses: '0.00' },
    ]);
    // From 10 February: the rent of 1 February falls outside.
    expect((await accountant.ok(MONTHS, { from: `${year}-02-10`, to: `${year}-03-01` })).profitAndLoss.months).toEqual([
      { month: `${year}-02`, revenue: '250.25', expenses: '0.00' },
      { month: `${year}-03`, revenue: '0.00', expenses: '400.00' },
    ]);
    const bad = await accountant.request(PL, { from: `${year}-03-01`, to: `${year}-02-01` });
    expect(bad.errors?.[0]?.extensions?.fields?.[0]?.path).toEqual(['to']);
  });

  it('AR aging: what each account owes at a date, by days past due', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const customer = await createAccount(server.ds, accountant.user.id, { name: tag('Customer') });
    const other = await createAccount(server.ds, accountant.user.id, { name: tag('Other') });
    await issue(accountant, customer.id as string, dayOffset(10), '100.00'); // current
    await issue(accountant, customer.id as string, dayOffset(-45), '200.00'); // 31–60 days
    const late = await issue(accountant, customer.id as string, dayOffset(-100), '300.00'); // over 90
    await issue(accountant, other.id as string, dayOffset(-5), '50.00'); // 1–30
    await accountant.ok(`mutation($id: ID!) { recordPayment(input: { invoiceId: $id, amount: "120.00", date: "${dayOffset(0)}", method: CARD }) { id } }`, {
      id: (await server.ds.query(`SELECT "id" FROM "invoices" WHERE "number" = $1`, [late.number]))[0].id,
    });

    const AGING = `query($asOf: Date!) { arAging(asOf: $asOf) { total totals { total } rows { account { id } current days1to30 days31to60 days61to90 over90 total } } }`;
    const aging = (await accountant.ok(AGING, { asOf: dayOffset(0) })).arAging;
    const row = (id: unknown) => aging.rows.find((r: { account: { id: string } }) => r.account.id === id);
    expect(row(customer.id)).toMatchObject({
      current: '100.00',
      days1to30: '0.00',
      days31to60: '200.00',
      days61to90: '0.00',
      over90: '180.00',
      total: '480.00',
    });
    expect(row(other.id)).toMatchObject({ days1to30: '50.00', total: '50.00' });
    // The rows add up to the total, and the total is what the receivable account holds.
    const sum = aging.rows.reduce((s: bigint, r: { total: string }) => s + cents(r.total), 0n);
    expect(sum).toBe(cents(aging.total));
    expect(aging.totals.total).toBe(aging.total);
    const summary = (await accountant.ok(`{ financialSummary { arOutstanding revenueThisMonth revenueByMonth { month amount } } }`)).financialSummary;
    expect(summary.arOutstanding).toBe(aging.total);
    expect(summary.revenueByMonth).toHaveLength(12);
    expect(summary.revenueByMonth[11]).toEqual({ month: dayOffset(0).slice(0, 7), amount: summary.revenueThisMonth });
    // Yesterday none of these invoices existed yet.
    const before = (await accountant.ok(AGING, { asOf: dayOffset(-1) })).arAging;
    expect(before.rows.find((r: { account: { id: string } }) => r.account.id === customer.id)).toBeUndefined();
  });

  it.each(ROLES)('as %s: reads the reports as DESIGN.md §3 says', async (role) => {
    const c = await clientAs(server, role);
    const reads = ['ADMIN', 'ACCOUNTANT', 'SALES_MANAGER'].includes(role);
    for (const q of [
      `{ profitAndLoss(from: "2026-01-01", to: "2026-12-31") { netIncome } }`,
      `{ profitAndLoss(from: "2026-01-01", to: "2026-12-31") { months { month revenue } } }`,
      `{ arAging(asOf: "2026-06-30") { total } }`,
      `{ financialSummary { arOutstanding } }`,
    ]) {
      expect((await c.request(q)).errors?.[0]?.extensions?.code).toBe(reads ? undefined : 'FORBIDDEN');
    }
  });
});
