import { clientAs, createAccount, createDeal, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { Account } from '../../modules/crm/account.entity';
import { encodeCursor } from './cursor';
import { SortDirection } from './filters';
import { signatureFor } from './list';
import { specOf } from './spec';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const ACCOUNTS = `query($first: Int, $last: Int, $after: String, $before: String, $filter: AccountFilter) {
  accounts(first: $first, last: $last, after: $after, before: $before, filter: $filter) { totalCount nodes { id name } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

describe('list edge cases', () => {
  it('refuses a direction that contradicts its cursor (first with before, last with after)', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    await createAccount(server.ds, rep.user.id);
    const { accounts } = await rep.ok(ACCOUNTS, { first: 1 });
    const a = await rep.request(ACCOUNTS, { first: 1, before: accounts.pageInfo.endCursor });
    expect(a.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['before'] }] });
    const b = await rep.request(ACCOUNTS, { last: 1, after: accounts.pageInfo.endCursor });
    expect(b.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['after'] }] });
  });

  it('answers first: 0 with no rows but a truthful hasNextPage', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const empty = await rep.ok(ACCOUNTS, { first: 0 });
    expect(empty.accounts).toMatchObject({ nodes: [], pageInfo: { hasNextPage: false } });
    await createAccount(server.ds, rep.user.id);
    const one = await rep.ok(ACCOUNTS, { first: 0 });
    expect(one.accounts).toMatchObject({ nodes: [], totalCount: 1, pageInfo: { hasNextPage: true } });
  });

  it('turns a well-formed cursor holding an unreadable value into BAD_USER_INPUT', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    await createAccount(server.ds, rep.user.id);
    const sig = signatureFor(specOf(server.ds, Account), [{ field: 'CREATED_AT', direction: SortDirection.DESC }]);
    const forged = encodeCursor(sig, ['not a timestamp', '00000000-0000-0000-0000-000000000000']);
    const res = await rep.request(ACCOUNTS, { first: 5, after: forged });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['after'] }] });
  });

  it('lets a filter reach the trash from inside or/and/not', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const name = tag('Trash');
    const live = await createAccount(server.ds, rep.user.id, { name: `${name}-live` });
    const gone = await createAccount(server.ds, rep.user.id, { name: `${name}-gone`, deletedAt: new Date() });
    const { accounts } = await rep.ok(ACCOUNTS, { filter: { or: [{ deletedAt: { isNull: false } }, { name: { eq: `${name}-live` } }] } });
    expect(accounts.nodes.map((n: { id: string }) => n.id).sort()).toEqual([live.id, gone.id].sort());
  });

  it('matches relation filters only against related rows the caller may see', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const other = await clientAs(server, 'SALES_REP');
    const secret = tag('Hidden');
    // The rep owns a deal on an account that belongs to someone else.
    const hidden = await createAccount(server.ds, other.user.id, { name: secret });
    await createDeal(server.ds, rep.user.id, { accountId: hidden.id });
    const DEALS = `query($f: DealFilter) { deals(filter: $f) { totalCount } }`;
    const probe = await rep.ok(DEALS, { f: { account: { name: { eq: secret } } } });
    expect(probe.deals.totalCount).toBe(0);
    const manager = await clientAs(server, 'SALES_MANAGER');
    const seen = await manager.ok(DEALS, { f: { account: { name: { eq: secret } } } });
    expect(seen.deals.totalCount).toBe(1);
  });
});
