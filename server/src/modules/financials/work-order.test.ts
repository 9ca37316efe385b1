import type { Client, GqlResponse } from '../../../test/client';
import { clientAs, createAccount, createContact, ROLES } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { countStatements, statementsOn } from '../../../test/sql-counter';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

// Without `invoice`: a dispatcher reads work orders, not invoices (FORBIDDEN on that field).
const WO = `id number status description total version account { id } contact { id } lines { description quantity unitPrice amount }`;
const BILLED = `query($id: ID!) { workOrder(id: $id) { status invoice { id number status } } }`;
const CREATE = `mutation($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { ${WO} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateWorkOrderInput!) { updateWorkOrder(id: $id, input: $input) { ${WO} } }`;
const MOVE = `mutation($id: ID!, $status: WorkOrderStatus!) { changeWorkOrderStatus(id: $id, status: $status) { ${WO} } }`;
const BILL = `mutation($id: ID!) { createInvoiceFromWorkOrder(workOrderId: $id) { id status total workOrder { id } lines { description quantity unitPrice amount } } }`;
const GET = `query($id: ID!) { workOrder(id: $id) { ${WO} } }`;
const fieldError = (res: GqlResponse) => [res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.fields?.[0]?.path?.join('.')];
const code = (res: GqlResponse) => res.errors?.[0]?.extensions?.code;

async function workOrder(c: Client, lines: Record<string, unknown>[] = [{ description: 'Replace valve', quantity: '1' }]) {
  const account = await createAccount(server.ds, c.user.id);
  return (await c.ok(CREATE, { input: { accountId: account.id, description: 'No hot water', lines } })).createWorkOrder;
}
const moveTo = async (c: Client, id: string, ...steps: string[]) => {
  for (const status of steps) await c.ok(MOVE, { id, status });
};

describe('work orders', () => {
  it('a dispatcher writes the job without prices; the office prices it, and a dispatcher’s later edit keeps those prices', async () => {
    const dispatcher = await clientAs(server, 'DISPATCHER');
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const wo = await workOrder(dispatcher, [
      { description: 'Labour', quantity: '2' },
      { description: 'Valve', quantity: '1' },
    ]);
    expect(wo).toMatchObject({ number: expect.stringMatching(/^WO-\d{4}-\d{4}$/), status: 'OPEN', total: '0.00' });
    expect(wo.lines[0]).toEqual({ description: 'Labour', quantity: '2', unitPrice: null, amount: null });

    const priced = await dispatcher.request(UPDATE, { id: wo.id, input: { lines: [{ description: 'Labour', quantity: '2', unitPrice: '90.00' }] } });
    expect(code(priced)).toBe('FORBIDDEN');
    const office = (
      await accountant.ok(UPDATE, {
        id: wo.id,
        input: {
          lines: [
            { description: 'Labour', quantity: '2', unitPrice: '90.00' },
            { description: 'Valve', quantity: '1', unitPrice: '35.50' },
          ],
        },
      })
    ).updateWorkOrder;
    expect(office).toMatchObject({ total: '215.50' });
    // The dispatcher adds a line and changes a quantity: prices stay where the line is the same.
    const edited = (
      await dispatcher.ok(UPDATE, {
        id: wo.id,
        input: {
          lines: [
            { description: 'Labour', quantity: '3' },
            { description: 'Valve', quantity: '1' },
            { description: 'Flush system', quantity: '1' },
          ],
        },
      })
    ).updateWorkOrder;
    expect(edited.lines.map((l: { unitPrice: string | null; amount: string | null }) => [l.unitPrice, l.amount])).toEqual([
      ['90.00', '270.00'],
      ['35.50', '35.50'],
      [null, null],
    ]);
    expect(edited.total).toBe('305.50');
    // A dispatcher's null keeps the office's price; the office's null clears it.
    const kept = (await dispatcher.ok(UPDATE, { id: wo.id, input: { lines: [{ description: 'Labour', quantity: '3', unitPrice: null }] } })).updateWorkOrder;
    expect(kept.lines[0]).toMatchObject({ unitPrice: '90.00', amount: '270.00' });
    const cleared = (await accountant.ok(UPDATE, { id: wo.id, input: { lines: [{ description: 'Labour', quantity: '3', unitPrice: null }] } })).updateWorkOrder;
    expect(cleared.lines[0]).toMatchObject({ unitPrice: null, amount: null });
    expect(cleared.total).toBe('0.00');
  });

  it('moves through its statuses; a completed job no longer changes, and INVOICED is not a move a person makes', async () => {
    const dispatcher = await clientAs(server, 'DISPATCHER');
    const wo = await workOrder(dispatcher);
    expect(fieldError(await dispatcher.request(MOVE, { id: wo.id, status: 'COMPLETED' }))).toEqual(['BAD_USER_INPUT', 'status']);
    expect(fieldError(await dispatcher.request(MOVE, { id: wo.id, status: 'INVOICED' }))).toEqual(['BAD_USER_INPUT', 'status']);
    await moveTo(dispatcher, wo.id, 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED');
    expect((await dispatcher.ok(GET, { id: wo.id })).workOrder.status).toBe('COMPLETED');
    expect(fieldError(await dispatcher.request(UPDATE, { id: wo.id, input: { description: 'Changed' } }))).toEqual(['BAD_USER_INPUT', 'id']);
    await moveTo(dispatcher, wo.id, 'IN_PROGRESS');
    expect((await dispatcher.ok(UPDATE, { id: wo.id, input: { description: 'Changed' } })).updateWorkOrder.description).toBe('Changed');
  });

  it('becomes a draft invoice with one call, turns INVOICED when it is issued, and COMPLETED again if that invoice is voided', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const wo = await workOrder(accountant, [
      { description: 'Labour', quantity: '1.5', unitPrice: '80.00' },
      { description: 'Part', quantity: '1' },
    ]);
    expect(fieldError(await accountant.request(BILL, { id: wo.id }))).toEqual(['BAD_USER_INPUT', 'workOrderId']); // not completed
    await moveTo(accountant, wo.id, 'IN_PROGRESS', 'COMPLETED');
    expect(fieldError(await accountant.request(BILL, { id: wo.id }))).toEqual(['BAD_USER_INPUT', 'workOrderId']); // line 2 unpriced
    await accountant.ok(MOVE, { id: wo.id, status: 'IN_PROGRESS' });
    await accountant.ok(UPDATE, {
      id: wo.id,
      input: {
        lines: [
          { description: 'Labour', quantity: '1.5', unitPrice: '80.00' },
          { description: 'Part', quantity: '1', unitPrice: '35.50' },
        ],
      },
    });
    await accountant.ok(MOVE, { id: wo.id, status: 'COMPLETED' });
    const invoice = (await accountant.ok(BILL, { id: wo.id })).createInvoiceFromWorkOrder;
    expect(invoice).toMatchObject({ status: 'DRAFT', total: '155.50', workOrder: { id: wo.id } });
    expect(invoice.lines).toEqual([
      { description: 'Labour', quantity: '1.5', unitPrice: '80.00', amount: '120.00' },
      { description: 'Part', quantity: '1', unitPrice: '35.50', amount: '35.50' },
    ]);
    expect(fieldError(await accountant.request(BILL, { id: wo.id }))).toEqual(['BAD_USER_INPUT', 'workOrderId']); // already billed
    expect(fieldError(await accountant.request(MOVE, { id: wo.id, status: 'IN_PROGRESS' }))).toEqual(['BAD_USER_INPUT', 'status']);

    const issued = (await accountant.ok(`mutation($id: ID!) { issueInvoice(id: $id) { number } }`, { id: invoice.id })).issueInvoice;
    expect((await accountant.ok(BILLED, { id: wo.id })).workOrder).toMatchObject({
      status: 'INVOICED',
      invoice: { id: invoice.id, number: issued.number, status: 'ISSUED' },
    });
    await accountant.ok(`mutation($id: ID!) { voidInvoice(id: $id, reason: "Wrong customer") { status } }`, { id: invoice.id });
    expect((await accountant.ok(BILLED, { id: wo.id })).workOrder).toMatchObject({ status: 'COMPLETED', invoice: null });
    expect((await (await clientAs(server, 'DISPATCHER')).request(BILLED, { id: wo.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await accountant.ok(BILL, { id: wo.id })).createInvoiceFromWorkOrder.status).toBe('DRAFT');
  });

  it('bills with the work order locked before its lines are read, and one look for its invoice', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const wo = await workOrder(accountant, [{ description: 'Labour', quantity: '2', unitPrice: '40.00' }]);
    await moveTo(accountant, wo.id, 'IN_PROGRESS', 'COMPLETED');
    const { statements, result } = await countStatements(() => accountant.ok(BILL, { id: wo.id }));
    expect(result.createInvoiceFromWorkOrder.total).toBe('80.00');
    const locked = statements.findIndex((s) => /FROM "work_orders" t WHERE[\s\S]*FOR UPDATE/.test(s));
    const linesRead = statements.findIndex((s) => /FROM "work_order_lines"/.test(s));
    expect(locked).toBeGreaterThanOrEqual(0);
    expect(locked).toBeLessThan(linesRead);
    expect(statements.filter((s) => /FROM "invoices" WHERE "workOrderId"/.test(s))).toHaveLength(1);
    expect(fieldError(await accountant.request(BILL, { id: 'not-an-id' }))).toEqual(['BAD_USER_INPUT', 'workOrderId']);
    expect(code(await accountant.request(MOVE, { id: 'not-an-id', status: 'OPEN' }))).toBe('NOT_FOUND');
  });

  it('refuses line amounts and totals beyond what numeric(14,2) holds, and writes nothing', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const account = await createAccount(server.ds, accountant.user.id);
    const create = (lines: Record<string, unknown>[]) => accountant.request(CREATE, { input: { accountId: account.id, description: 'Big job', lines } });
    const half = { description: 'Half', quantity: '1', unitPrice: '600000000000.00' };
    expect(fieldError(await create([{ description: 'Huge', quantity: '999999', unitPrice: '999999999999.00' }]))).toEqual([
      'BAD_USER_INPUT',
      'input.lines.0.unitPrice',
    ]);
    expect(fieldError(await create([half, half]))).toEqual(['BAD_USER_INPUT', 'input.lines']);
    const [{ n }] = await server.ds.query(`SELECT count(*)::int AS n FROM "work_orders" WHERE "accountId" = $1`, [account.id]);
    expect(n).toBe(0);
  });

  it('writes a new work order’s lines without reading or deleting any, and reads them once to change them', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const account = await createAccount(server.ds, accountant.user.id);
    const lineStatements = (query: string, variables: Record<string, unknown>) => statementsOn('work_order_lines', () => accountant.ok(query, variables));
    const lines = [{ description: 'Labour', quantity: '2', unitPrice: '90.00' }];
    const created = await lineStatements(`mutation($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id } }`, {
      input: { accountId: account.id, description: 'No hot water', lines },
    });
    expect(created.verbs).toEqual(['INSERT']);
    const changed = await lineStatements(`mutation($id: ID!, $input: UpdateWorkOrderInput!) { updateWorkOrder(id: $id, input: $input) { id } }`, {
      id: created.result.createWorkOrder.id,
      input: { lines: [...lines, { description: 'Valve', quantity: '1' }] },
    });
    expect(changed.verbs).toEqual(['SELECT', 'DELETE', 'INSERT']);
  });

  it('takes an on-site contact of its own account only', async () => {
    const dispatcher = await clientAs(server, 'DISPATCHER');
    const account = await createAccount(server.ds, dispatcher.user.id);
    const own = await createContact(server.ds, dispatcher.user.id, { accountId: account.id });
    const stranger = await createContact(server.ds, dispatcher.user.id);
    const input = (contactId: string) => ({ input: { accountId: account.id, contactId, description: 'Leak', lines: [] } });
    expect(fieldError(await dispatcher.request(CREATE, input(stranger.id as string)))).toEqual(['BAD_USER_INPUT', 'input.contactId']);
    expect((await dispatcher.ok(CREATE, input(own.id as string))).createWorkOrder.contact).toEqual({ id: own.id });
  });

  it.each(ROLES)('as %s: reads, writes and bills as DESIGN.md §3 says', async (role) => {
    const admin = await clientAs(server, 'ADMIN');
    const c = await clientAs(server, role);
    const wo = await workOrder(admin, [{ description: 'Labour', quantity: '1', unitPrice: '10.00' }]);
    const reads = ['ADMIN', 'ACCOUNTANT', 'SALES_MANAGER', 'DISPATCHER'].includes(role);
    const writes = ['ADMIN', 'ACCOUNTANT', 'DISPATCHER'].includes(role);
    const bills = ['ADMIN', 'ACCOUNTANT'].includes(role);
    expect(code(await c.request(GET, { id: wo.id }))).toBe(reads ? undefined : 'FORBIDDEN');
    expect(code(await c.request(MOVE, { id: wo.id, status: 'IN_PROGRESS' }))).toBe(writes ? undefined : 'FORBIDDEN');
    await moveTo(admin, wo.id, ...(writes ? [] : ['IN_PROGRESS']), 'COMPLETED');
    expect(code(await c.request(BILL, { id: wo.id }))).toBe(bills ? undefined : 'FORBIDDEN');
    const [{ n }] = await server.ds.query(`SELECT count(*)::int AS n FROM "invoices" WHERE "workOrderId" = $1`, [wo.id]);
    expect(n).toBe(bills ? 1 : 0);
  });
});
