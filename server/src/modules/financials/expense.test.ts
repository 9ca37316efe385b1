import type { Client, GqlResponse } from '../../../test/client';
import { clientAs, createLedgerAccount, ROLES, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

let server: TestServer;
let cash: string;
beforeAll(async () => {
  server = await startTestServer();
  [{ id: cash }] = await server.ds.query(`SELECT "id" FROM "ledger_accounts" WHERE "systemRole" = 'CASH'`);
});
afterAll(async () => {
  await server.stop();
});

const EXPENSE = `id vendor amount date description status rejectionReason approvedBy { id } category { id code } version`;
const CREATE = `mutation($input: CreateExpenseInput!) { createExpense(input: $input) { ${EXPENSE} } }`;
const APPROVE = `mutation($id: ID!) { approveExpense(id: $id) { ${EXPENSE} } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectExpense(id: $id, reason: $reason) { ${EXPENSE} } }`;
const BALANCE = `query($id: ID!, $asOf: Date) { ledgerAccount(id: $id) { balance(asOf: $asOf) } }`;
const fieldError = (res: GqlResponse) => [res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.fields?.[0]?.path?.join('.')];
const balance = async (c: Client, id: string) => (await c.ok(BALANCE, { id, asOf: '9999-12-31' })).ledgerAccount.balance as string;
const category = async () => (await createLedgerAccount(server.ds, { type: 'EXPENSE', name: tag('Fuel') })).id as string;
const submit = async (c: Client, over: Record<string, unknown> = {}) =>
  (await c.ok(CREATE, { input: { vendor: ' Shell ', categoryId: await category(), amount: '42.10', date: '2026-05-04', description: 'Van fuel', ...over } }))
    .createExpense;

describe('expenses', () => {
  it('is submitted, then approved with its posting (Dr category, Cr cash) by the approver', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const e = await submit(accountant);
    expect(e).toMatchObject({ vendor: 'Shell', amount: '42.10', status: 'SUBMITTED', approvedBy: null });
    expect(await balance(accountant, e.category.id)).toBe('0.00');
    const cashBefore = await balance(accountant, cash);
    const approved = (await accountant.ok(APPROVE, { id: e.id })).approveExpense;
    expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: { id: accountant.user.id }, version: 2 });
    expect(await balance(accountant, e.category.id)).toBe('42.10');
    expect(Math.round(Number(cashBefore) * 100) - Math.round(Number(await balance(accountant, cash)) * 100)).toBe(4210);
    expect(fieldError(await accountant.request(APPROVE, { id: e.id }))).toEqual(['BAD_USER_INPUT', 'id']);
    expect(fieldError(await accountant.request(REJECT, { id: e.id, reason: 'Late' }))).toEqual(['BAD_USER_INPUT', 'id']);
  });

  it('is rejected with a reason, posting nothing', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const e = await submit(admin);
    expect(fieldError(await admin.request(REJECT, { id: e.id, reason: ' ' }))).toEqual(['BAD_USER_INPUT', 'reason']);
    const rejected = (await admin.ok(REJECT, { id: e.id, reason: 'Personal trip' })).rejectExpense;
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'Personal trip', approvedBy: null });
    expect(await balance(admin, e.category.id)).toBe('0.00');
    expect(fieldError(await admin.request(APPROVE, { id: e.id }))).toEqual(['BAD_USER_INPUT', 'id']);
  });

  it('refuses bad amounts, a non-expense category and an inactive one, with the field at fault', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const input = async (over: Record<string, unknown>) => ({
      input: { vendor: 'V', categoryId: await category(), amount: '1.00', date: '2026-05-04', ...over },
    });
    expect(fieldError(await admin.request(CREATE, await input({ amount: '0' })))).toEqual(['BAD_USER_INPUT', 'input.amount']);
    expect(fieldError(await admin.request(CREATE, await input({ amount: '-5.00' })))).toEqual(['BAD_USER_INPUT', 'input.amount']);
    expect(fieldError(await admin.request(CREATE, await input({ amount: '5.005' })))).toEqual(['BAD_USER_INPUT', 'input.amount']);
    expect(fieldError(await admin.request(CREATE, await input({ categoryId: cash })))).toEqual(['BAD_USER_INPUT', 'input.categoryId']);
    const retired = await category();
    await server.ds.query(`UPDATE "ledger_accounts" SET "active" = false WHERE "id" = $1`, [retired]);
    expect(fieldError(await admin.request(CREATE, await input({ categoryId: retired })))).toEqual(['BAD_USER_INPUT', 'input.categoryId']);
    expect(fieldError(await admin.request(CREATE, await input({ vendor: '  ' })))).toEqual(['BAD_USER_INPUT', 'input.vendor']);
  });

  it.each(ROLES)('as %s: submits and approves as DESIGN.md §3 says', async (role) => {
    const admin = await clientAs(server, 'ADMIN');
    const c = await clientAs(server, role);
    const e = await submit(admin);
    const writes = ['ADMIN', 'ACCOUNTANT'].includes(role);
    const reads = writes || role === 'SALES_MANAGER';
    const read = await c.request(`query($id: ID!) { expense(id: $id) { id } }`, { id: e.id });
    expect(read.errors?.[0]?.extensions?.code).toBe(reads ? undefined : 'FORBIDDEN');
    expect((await c.request(APPROVE, { id: e.id })).errors?.[0]?.extensions?.code).toBe(writes ? undefined : 'FORBIDDEN');
    const [{ status }] = await server.ds.query(`SELECT "status" FROM "expenses" WHERE "id" = $1`, [e.id]);
    expect(status).toBe(writes ? 'APPROVED' : 'SUBMITTED');
  });
});
