import type { Client, GqlResponse } from '../../../test/client';
import { clientAs, createAccount, ROLES } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { countStatements, statementsOn } from '../../../test/sql-counter';

let server: TestServer;
let system: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  const rows: { id: string; systemRole: string }[] = await server.ds.query(`SELECT "id", "systemRole" FROM "ledger_accounts" WHERE "systemRole" IS NOT NULL`);
  system = Object.fromEntries(rows.map((r) => [r.systemRole, r.id]));
});
afterAll(async () => {
  await server.stop();
});

const INVOICE = `id number status issueDate dueDate subtotal taxRate tax total amountPaid balanceDue voidReason version
  account { id } lines { description quantity unitPrice amount } payments { amount date method reference }`;
const CREATE = `mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { ${INVOICE} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateInvoiceInput!) { updateInvoice(id: $id, input: $input) { ${INVOICE} } }`;
const ISSUE = `mutation($id: ID!) { issueInvoice(id: $id) { ${INVOICE} } }`;
const VOID = `mutation($id: ID!, $reason: String!) { voidInvoice(id: $id, reason: $reason) { ${INVOICE} } }`;
const PAY = `mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { amount date method reference } }`;
const GET = `query($id: ID!) { invoice(id: $id) { ${INVOICE} } }`;
const BALANCE = `query($id: ID!) { ledgerAccount(id: $id) { balance(asOf: "9999-12-31") } }`;

const today = () => new Date().toISOString().slice(0, 10);
const fieldError = (res: GqlResponse) => [res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.fields?.[0]?.path?.join('.')];
const cents = (s: string) => Math.round(Number(s) * 100); // test-side comparison of two-decimal strings only

async function balances(c: Client): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const role of ['ACCOUNTS_RECEIVABLE', 'SERVICE_REVENUE', 'SALES_TAX_PAYABLE', 'CASH']) {
    out[role] = cents((await c.ok(BALANCE, { id: system[role] })).ledgerAccount.balance);
  }
  return out;
}

async function draft(c: Client, over: Record<string, unknown> = {}) {
  const account = await createAccount(server.ds, c.user.id);
  const input = {
    accountId: account.id,
    dueDate: '2027-01-31',
    taxRate: '8.25',
    lines: [
      { description: 'Labour', quantity: '1.5', unitPrice: '80.00' },
      { description: 'Valve', quantity: '1', unitPrice: '35.50' },
    ],
    ...over,
  };
  return (await c.ok(CREATE, { input })).createInvoice;
}

describe('invoices', () => {
  it('prices a draft: line amounts, tax half up on the subtotal, total', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const inv = await draft(accountant);
    expect(inv).toMatchObject({
      number: null,
      status: 'DRAFT',
      issueDate: null,
      subtotal: '155.50',
      taxRate: '8.25',
      tax: '12.83',
      total: '168.33',
      amountPaid: '0.00',
      balanceDue: '168.33',
    });
    expect(inv.lines).toEqual([
      { description: 'Labour', quantity: '1.5', unitPrice: '80.00', amount: '120.00' },
      { description: 'Valve', quantity: '1', unitPrice: '35.50', amount: '35.50' },
    ]);
    const changed = (await accountant.ok(UPDATE, { id: inv.id, input: { taxRate: '0' } })).updateInvoice;
    expect(changed).toMatchObject({ tax: '0.00', total: '155.50', balanceDue: '155.50', version: 2 });
    expect(changed.lines).toHaveLength(2);
  });

  it('refuses bad amounts, quantities, rates and accounts with the field at fault', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const account = await createAccount(server.ds, admin.user.id);
    const bad = (over: Record<string, unknown>) =>
      admin.request(CREATE, {
        input: { accountId: account.id, dueDate: '2027-01-31', lines: [{ description: 'Work', quantity: '1', unitPrice: '10.00' }], ...over },
      });
    const line = (l: Record<string, unknown>) => ({ lines: [{ description: 'Work', quantity: '1', unitPrice: '10.00', ...l }] });
    expect(fieldError(await bad(line({ quantity: '1.0001' })))).toEqual(['BAD_USER_INPUT', 'input.lines.0.quantity']);
    expect(fieldError(await bad(line({ quantity: '0' })))).toEqual(['BAD_USER_INPUT', 'input.lines.0.quantity']);
    expect(fieldError(await bad(line({ unitPrice: '10.001' })))).toEqual(['BAD_USER_INPUT', 'input.lines.0.unitPrice']);
    expect(fieldError(await bad(line({ unitPrice: '-10.00' })))).toEqual(['BAD_USER_INPUT', 'input.lines.0.unitPrice']);
    expect(fieldError(await bad(line({ description: ' ' })))).toEqual(['BAD_USER_INPUT', 'input.lines.0.description']);
    expect(fieldError(await bad({ taxRate: '100.5' }))).toEqual(['BAD_USER_INPUT', 'input.taxRate']);
    expect(fieldError(await bad({ taxRate: '8.2555' }))).toEqual(['BAD_USER_INPUT', 'input.taxRate']);
    expect(fieldError(await bad({ accountId: '00000000-0000-4000-8000-00000000dead' }))).toEqual(['BAD_USER_INPUT', 'input.accountId']);
  });

  it('issues with a number, posts Dr receivable, Cr revenue and tax, and never changes after', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const inv = await draft(accountant);
    const before = await balances(accountant);
    const issued = (await accountant.ok(ISSUE, { id: inv.id })).issueInvoice;
    expect(issued).toMatchObject({
      status: 'ISSUED',
      number: expect.stringMatching(new RegExp(`^INV-${today().slice(0, 4)}-\\d{4}$`)),
      issueDate: today(),
      balanceDue: '168.33',
    });
    const after = await balances(accountant);
    expect(after.ACCOUNTS_RECEIVABLE - before.ACCOUNTS_RECEIVABLE).toBe(16833);
    expect(after.SERVICE_REVENUE - before.SERVICE_REVENUE).toBe(15550);
    expect(after.SALES_TAX_PAYABLE - before.SALES_TAX_PAYABLE).toBe(1283);

    const entry = (
      await accountant.ok(`{ journalEntries(filter: { source: { eq: INVOICE }, number: { isNull: false } }, first: 100) { nodes { memo status totalDebit } } }`)
    ).journalEntries.nodes.find((e: { memo: string }) => e.memo === `Invoice ${issued.number}`);
    expect(entry).toMatchObject({ status: 'POSTED', totalDebit: '168.33' });
    expect(fieldError(await accountant.request(UPDATE, { id: inv.id, input: { dueDate: '2027-02-28' } }))).toEqual(['BAD_USER_INPUT', 'id']);
    // The preview is the PDF's page: number, lines and money, the account's name escaped.
    const preview = (await accountant.ok(`query($id: ID!) { invoice(id: $id) { previewHtml account { name } } }`, { id: inv.id })).invoice;
    for (const text of [`Invoice ${issued.number}`, 'Labour', '120.00', '168.33', 'Balance due']) expect(preview.previewHtml).toContain(text);
    expect(preview.previewHtml).not.toContain('<script');
    expect(fieldError(await accountant.request(ISSUE, { id: inv.id }))).toEqual(['BAD_USER_INPUT', 'id']);
    const empty = await draft(accountant, { lines: [] });
    expect(fieldError(await accountant.request(ISSUE, { id: empty.id }))).toEqual(['BAD_USER_INPUT', 'id']);
  });

  it('follows the money: partial payment, refused overpayment, paid in full; a paid invoice is not voided', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const inv = (await accountant.ok(ISSUE, { id: (await draft(accountant)).id })).issueInvoice;
    const pay = (input: Record<string, unknown>) => accountant.request(PAY, { input: { invoiceId: inv.id, date: today(), method: 'CHECK', ...input } });
    const before = await balances(accountant);
    expect((await pay({ amount: '100.00', reference: ' 1042 ' })).data.recordPayment).toEqual({
      amount: '100.00',
      date: today(),
      method: 'CHECK',
      reference: '1042',
    });
    expect((await accountant.ok(GET, { id: inv.id })).invoice).toMatchObject({ status: 'PARTIALLY_PAID', amountPaid: '100.00', balanceDue: '68.33' });
    expect(fieldError(await pay({ amount: '68.34' }))).toEqual(['BAD_USER_INPUT', 'input.amount']);
    expect(fieldError(await pay({ amount: '1.001' }))).toEqual(['BAD_USER_INPUT', 'input.amount']);
    expect(fieldError(await pay({ amount: '-1.00' }))).toEqual(['BAD_USER_INPUT', 'input.amount']);
    expect(fieldError(await pay({ amount: '0' }))).toEqual(['BAD_USER_INPUT', 'input.amount']);
    expect(fieldError(await pay({ amount: '1.00', date: '2001-01-01' }))).toEqual(['BAD_USER_INPUT', 'input.date']);
    expect((await pay({ amount: '68.33', method: 'CASH' })).data.recordPayment.amount).toBe('68.33');
    const paid = (await accountant.ok(GET, { id: inv.id })).invoice;
    expect(paid).toMatchObject({ status: 'PAID', amountPaid: '168.33', balanceDue: '0.00' });
    expect(paid.payments.map((p: { amount: string }) => p.amount).sort()).toEqual(['100.00', '68.33']);
    const after = await balances(accountant);
    expect(after.CASH - before.CASH).toBe(16833);
    expect(after.ACCOUNTS_RECEIVABLE - before.ACCOUNTS_RECEIVABLE).toBe(-16833);
    expect(fieldError(await pay({ amount: '1.00' }))).toEqual(['BAD_USER_INPUT', 'input.invoiceId']);
    expect(fieldError(await accountant.request(VOID, { id: inv.id, reason: 'Oops' }))).toEqual(['BAD_USER_INPUT', 'id']);
  });

  it('voids an unpaid invoice with the reversal of its posting, and takes no payment after', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const inv = (await accountant.ok(ISSUE, { id: (await draft(accountant)).id })).issueInvoice;
    const before = await balances(accountant);
    expect(fieldError(await accountant.request(VOID, { id: inv.id, reason: '  ' }))).toEqual(['BAD_USER_INPUT', 'reason']);
    const voided = (await accountant.ok(VOID, { id: inv.id, reason: 'Billed twice' })).voidInvoice;
    expect(voided).toMatchObject({ status: 'VOID', voidReason: 'Billed twice', balanceDue: '0.00', number: inv.number });
    const after = await balances(accountant);
    expect(after.ACCOUNTS_RECEIVABLE - before.ACCOUNTS_RECEIVABLE).toBe(-16833);
    expect(after.SERVICE_REVENUE - before.SERVICE_REVENUE).toBe(-15550);
    expect(fieldError(await accountant.request(VOID, { id: inv.id, reason: 'Again' }))).toEqual(['BAD_USER_INPUT', 'id']);
    // The issue posting and its void reversal belong to the invoice: no one reverses them by hand.
    const posted = (
      await accountant.ok(`{ journalEntries(first: 100, filter: { source: { in: [INVOICE, REVERSAL] } }) { nodes { id memo } } }`)
    ).journalEntries.nodes.filter((e: { memo: string }) => e.memo === `Invoice ${inv.number}` || e.memo === `Void of invoice ${inv.number}`);
    expect(posted).toHaveLength(2);
    for (const e of posted) {
      const res = await accountant.request(`mutation($id: ID!) { reverseJournalEntry(id: $id, date: "${today()}") { id } }`, { id: e.id });
      expect(fieldError(res)).toEqual(['BAD_USER_INPUT', 'id']);
    }
    const payment = await accountant.request(PAY, { input: { invoiceId: inv.id, amount: '1.00', date: today(), method: 'CASH' } });
    expect(fieldError(payment)).toEqual(['BAD_USER_INPUT', 'input.invoiceId']);
  });

  it('previews as the PDF will print, with whatever people typed escaped', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const account = await createAccount(server.ds, accountant.user.id, { name: '<img src=x onerror=alert(1)> & Sons' });
    const inv = await draft(accountant, { accountId: account.id, lines: [{ description: '<b>Bold</b> work', quantity: '1', unitPrice: '10.00' }] });
    const { previewHtml } = (await accountant.ok(`query($id: ID!) { invoice(id: $id) { previewHtml } }`, { id: inv.id })).invoice;
    expect(previewHtml).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Sons');
    expect(previewHtml).toContain('&lt;b&gt;Bold&lt;/b&gt; work');
    expect(previewHtml).not.toMatch(/<img|<b>/);
  });

  it('gives twenty invoices issued at once twenty consecutive numbers', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const drafts = await Promise.all(Array.from({ length: 20 }, () => draft(admin)));
    const results = await Promise.all(drafts.map((d) => admin.request(ISSUE, { id: d.id })));
    const numbers = results.map((r) => Number(String(r.data.issueInvoice.number).split('-')[2])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => numbers[0] + i));
  });

  it('saves a draft given its own tax rate again as no change: same version, no activity entry', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const inv = await draft(accountant);
    for (let i = 0; i < 2; i++) {
      expect((await accountant.ok(UPDATE, { id: inv.id, input: { taxRate: '8.25' } })).updateInvoice).toMatchObject({
        version: 1,
        taxRate: '8.25',
        total: '168.33',
      });
    }
    const [{ n }] = await server.ds.query(`SELECT count(*)::int AS n FROM "activity_log" WHERE "entityId" = $1 AND "action" = 'UPDATED'`, [inv.id]);
    expect(n).toBe(0);
  });

  it('refuses amounts beyond what numeric(14,2) holds at the field at fault, and writes nothing', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const account = await createAccount(server.ds, accountant.user.id);
    const create = (lines: Record<string, unknown>[], taxRate = '0') =>
      accountant.request(CREATE, { input: { accountId: account.id, dueDate: '2027-01-31', taxRate, lines } });
    const huge = { description: 'Huge', quantity: '999999', unitPrice: '999999999999.00' };
    const half = { description: 'Half', quantity: '1', unitPrice: '600000000000.00' };
    expect(fieldError(await create([huge]))).toEqual(['BAD_USER_INPUT', 'input.lines.0.unitPrice']);
    expect(fieldError(await create([half, half]))).toEqual(['BAD_USER_INPUT', 'input.lines']); // subtotal
    expect(fieldError(await create([half], '80'))).toEqual(['BAD_USER_INPUT', 'input.lines']); // total
    const [{ n }] = await server.ds.query(`SELECT count(*)::int AS n FROM "invoices" WHERE "accountId" = $1`, [account.id]);
    expect(n).toBe(0);
    const inv = await draft(accountant);
    expect(fieldError(await accountant.request(UPDATE, { id: inv.id, input: { lines: [half, huge] } }))).toEqual(['BAD_USER_INPUT', 'input.lines.1.unitPrice']);
    expect((await accountant.ok(GET, { id: inv.id })).invoice).toMatchObject({ version: 1, total: '168.33' });
  });

  it('tells why a voided draft is not issued, and finds a malformed id as missing as an unknown one', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const inv = await draft(accountant);
    await accountant.ok(VOID, { id: inv.id, reason: 'Not needed' });
    const res = await accountant.request(ISSUE, { id: inv.id });
    expect(fieldError(res)).toEqual(['BAD_USER_INPUT', 'id']);
    expect(res.errors?.[0]?.message).toBe('The invoice is already void');
    for (const id of ['not-an-id', '00000000-0000-4000-8000-00000000dead']) {
      expect((await accountant.request(ISSUE, { id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await accountant.request(VOID, { id, reason: 'x' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const pay = await accountant.request(PAY, { input: { invoiceId: id, amount: '1.00', date: today(), method: 'CASH' } });
      expect(fieldError(pay)).toEqual(['BAD_USER_INPUT', 'input.invoiceId']);
    }
  });

  it('issues without counting the lines apart (a total above zero has lines)', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const inv = await draft(accountant);
    const { statements } = await countStatements(() => accountant.ok(ISSUE, { id: inv.id }));
    expect(statements.filter((s) => /count\(\*\)[\s\S]*"invoice_lines"/.test(s))).toEqual([]);
  });

  it('writes a new draft’s lines without reading or deleting any, and reads them once to change them', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const account = await createAccount(server.ds, accountant.user.id);
    const lineStatements = (query: string, variables: Record<string, unknown>) => statementsOn('invoice_lines', () => accountant.ok(query, variables));
    const lines = [{ description: 'Labour', quantity: '1', unitPrice: '80.00' }];
    const created = await lineStatements(`mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }`, {
      input: { accountId: account.id, dueDate: '2027-01-31', taxRate: '8.25', lines },
    });
    expect(created.verbs).toEqual(['INSERT']);
    const id = created.result.createInvoice.id;
    const UPDATE_ID = `mutation($id: ID!, $input: UpdateInvoiceInput!) { updateInvoice(id: $id, input: $input) { id } }`;
    expect((await lineStatements(UPDATE_ID, { id, input: { lines: [...lines, { description: 'Valve', quantity: '1', unitPrice: '35.50' }] } })).verbs).toEqual([
      'SELECT',
      'DELETE',
      'INSERT',
    ]);
    expect((await lineStatements(UPDATE_ID, { id, input: { taxRate: '5' } })).verbs).toEqual(['SELECT']);
  });

  it('issues in 16 statements or fewer, its posting written posted and logged once, as POSTED', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const inv = await draft(accountant);
    const { statements } = await countStatements(() => accountant.ok(`mutation($id: ID!) { issueInvoice(id: $id) { id } }`, { id: inv.id }));
    // Sign-in, BEGIN, invoice lock, account, invoice number, system accounts, their check, entry, lines, lock date,
    // entry number, posting, its activity entry, invoice, its activity entry, COMMIT (22 when the entry was posted as a draft).
    expect(statements.filter((s) => !/^\s*SELECT "id", "seq"::text/.test(s)).length).toBeLessThanOrEqual(16); // not the live feed's read
    const [{ entryId }] = await server.ds.query(`SELECT "journalEntryId" AS "entryId" FROM "invoices" WHERE "id" = $1`, [inv.id]);
    const log: { action: string }[] = await server.ds.query(`SELECT "action" FROM "activity_log" WHERE "entityId" = $1`, [entryId]);
    expect(log.map((e) => e.action)).toEqual(['POSTED']);
  });

  it.each(ROLES)('as %s: reads, writes, issues and takes payments as DESIGN.md §3 says', async (role) => {
    const admin = await clientAs(server, 'ADMIN');
    const c = await clientAs(server, role);
    const inv = (await admin.ok(ISSUE, { id: (await draft(admin)).id })).issueInvoice;
    const reads = ['ADMIN', 'ACCOUNTANT', 'SALES_MANAGER'].includes(role);
    const writes = ['ADMIN', 'ACCOUNTANT'].includes(role);
    const read = await c.request(GET, { id: inv.id });
    expect(read.errors?.[0]?.extensions?.code).toBe(reads ? undefined : 'FORBIDDEN');
    const pay = await c.request(PAY, { input: { invoiceId: inv.id, amount: '1.00', date: today(), method: 'CARD' } });
    expect(pay.errors?.[0]?.extensions?.code).toBe(writes ? undefined : 'FORBIDDEN');
    const [{ amountPaid }] = await server.ds.query(`SELECT "amountPaid" FROM "invoices" WHERE "id" = $1`, [inv.id]);
    expect(amountPaid).toBe(writes ? '1.00' : '0.00');
  });

  it('lists invoices with lines, payments and accounts in a constant number of statements', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const run = async (n: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const inv = (await admin.ok(ISSUE, { id: (await draft(admin)).id })).issueInvoice;
        await admin.ok(PAY, { input: { invoiceId: inv.id, amount: '10.00', date: today(), method: 'CASH' } });
        ids.push(inv.id);
      }
      const { count, result } = await countStatements(() =>
        admin.ok(
          `query($ids: [ID!]!) { invoices(first: 50, filter: { id: { in: $ids } }) { nodes { id account { name } lines { amount } payments { amount } previewHtml } } }`,
          { ids },
        ),
      );
      expect(result.invoices.nodes).toHaveLength(n);
      return count;
    };
    expect(await run(2)).toBe(await run(5));
  });
});
