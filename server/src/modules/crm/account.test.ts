import { clientAs, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.stop(); });

const CREATE = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id name phone email creditLimit version owner { id } } }`;

describe('createAccount', () => {
  it('normalises phone, email and money and makes the caller the owner', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const name = tag('Acme');
    const data = await manager.ok(CREATE, { input: { name, phone: '(415) 555-0100', email: 'Sales@ACME.example', creditLimit: '1234.5' } });
    expect(data.createAccount).toMatchObject({ name, phone: '+14155550100', email: 'sales@acme.example', creditLimit: '1234.50', version: 1, owner: { id: manager.user.id } });
  });

  it('refuses a credit limit from a rep, who may not read it', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    expect(await rep.code(CREATE, { input: { name: tag('Acme'), creditLimit: '10' } })).toBe('FORBIDDEN');
  });
});
