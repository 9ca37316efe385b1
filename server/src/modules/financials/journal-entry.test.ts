import type { Client, GqlResponse } from '../../../test/client';
import { clientAs, createLedgerAccount, ROLES, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { waitFor } from '../../../test/jobs';
import { countStatements, statementsOn } from '../../../test/sql-counter';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const ENTRY = `id number date memo status source totalDebit totalCredit version postedAt
  lines { debit credit description ledgerAccount { id code } } reversalOf { id number } reversedBy { id number }`;
const CREATE = `mutation($input: CreateJournalEntryInput!) { createJournalEntry(input: $input) { ${ENTRY} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateJournalEntryInput!, $v: Int) { updateJournalEntry(id: $id, input: $input, expectedVersion: $v) { ${ENTRY} } }`;
const POST = `mutation($id: ID!) { postJournalEntry(id: $id) { ${ENTRY} } }`;
const REVERSE = `mutation($id: ID!, $date: Date!) { reverseJournalEntry(id: $id, date: $date) { ${ENTRY} } }`;
const GET = `query($id: ID!) { journalEntry(id: $id) { ${ENTRY} } }`;
const BALANCE = `query($id: ID!, $asOf: Date) { ledgerAccount(id: $id) { balance(asOf: $asOf) } }`;
const TRIAL = `query($asOf: Date!) { trialBalance(asOf: $asOf) { asOf totalDebit totalCredit rows { debit credit ledgerAccount { id code } } } }`;

const dr = (ledgerAccountId: string, debit: string) => ({ ledgerAccountId, debit });
const cr = (ledgerAccountId: string, credit: string) => ({ ledgerAccountId, credit });
const fieldError = (res: GqlResponse) => [res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.fields?.[0]?.path?.join('.')];
const code = (res: GqlResponse) => res.errors?.[0]?.extensions?.code;
// Each test books into accounts of its own, so balances are its own whatever else runs.
const account = async (type = 'ASSET') => (await createLedgerAccount(server.ds, { type, name: tag(type) })).id as string;
const draft = async (c: Client, input: Record<string, unknown>) => (await c.ok(CREATE, { input })).createJournalEntry;
const balance = async (c: Client, id: string, asOf?: string) => (await c.ok(BALANCE, { id, asOf })).ledgerAccount.balance;
const LOG = `query($id: ID!) { activityLog(filter: { entityId: { eq: $id } }) { nodes { action changes } } }`;
type Entry = { action: string; changes: Record<string, any> };
/** The record's entry with this action, once the log serves it (entries wait for older open transactions). */
const logged = (c: Client, id: string, action: string) =>
  waitFor(`${action} of ${id} in the log`, async () => ((await c.ok(LOG, { id })).activityLog.nodes as Entry[]).find((n) => n.action === action));

describe('journal entries', () => {
  it('saves a draft with its lines, changes it, and logs each change with the lines', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const [bank, sales] = [await account('ASSET'), await account('REVENUE')];
    const e = await draft(accountant, { date: '2026-03-02', memo: ' Cash sale ', lines: [dr(bank, '100.5'), { ...cr(sales, '100.50'), description: 'Sale' }] });
    expect(e).toMatchObject({
      number: null,
      date: '2026-03-02',
      memo: 'Cash sale',
      status: 'DRAFT',
      source: 'MANUAL',
      totalDebit: '100.50',
      totalCredit: '100.50',
      version: 1,
      postedAt: null,
    });
    expect(e.lines).toEqual([
      { debit: '100.50', credit: '0.00', description: null, ledgerAccount: { id: bank, code: expect.any(String) } },
      { debit: '0.00', credit: '100.50', description: 'Sale', ledgerAccount: { id: sales, code: expect.any(String) } },
    ]);

    const changed = (await accountant.ok(UPDATE, { id: e.id, v: 1, input: { lines: [dr(bank, '80.00'), cr(sales, '80.00')] } })).updateJournalEntry;
    expect(changed).toMatchObject({ version: 2, totalDebit: '80.00', memo: 'Cash sale' });
    expect(changed.lines.map((l: { debit: string }) => l.debit)).toEqual(['80.00', '0.00']);
    // A stale edit changes nothing, lines included.
    const stale = await accountant.request(UPDATE, { id: e.id, v: 1, input: { lines: [dr(bank, '1.00'), cr(sales, '1.00')] } });
    expect(code(stale)).toBe('CONFLICT');
    expect((await accountant.ok(GET, { id: e.id })).journalEntry).toMatchObject({ version: 2, totalDebit: '80.00' });
    // The same lines again are no change: no new version.
    expect((await accountant.ok(UPDATE, { id: e.id, input: { lines: [dr(bank, '80'), cr(sales, '80')] } })).updateJournalEntry.version).toBe(2);

    const updated = await logged(accountant, e.id, 'UPDATED');
    expect(updated.changes.lines.to).toEqual([expect.stringMatching(/^Dr \d+ 80\.00$/), expect.stringMatching(/^Cr \d+ 80\.00$/)]);
    expect(updated.changes.totalDebit).toEqual({ from: '100.50', to: '80.00' });
  });

  it('refuses bad lines with the field at fault, and writes nothing', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const [a, b] = [await account(), await account()];
    const retired = await account();
    await server.ds.query(`UPDATE "ledger_accounts" SET "active" = false WHERE "id" = $1`, [retired]);
    const memo = tag('bad');
    const bad = (lines: unknown[]) => admin.request(CREATE, { input: { date: '2026-03-02', memo, lines } });
    expect(fieldError(await bad([{ ledgerAccountId: a, debit: '5', credit: '5' }, cr(b, '5')]))).toEqual(['BAD_USER_INPUT', 'input.lines.0.credit']);
    expect(fieldError(await bad([dr(a, '5'), { ledgerAccountId: b }]))).toEqual(['BAD_USER_INPUT', 'input.lines.1.debit']);
    expect(fieldError(await bad([dr(a, '5.001'), cr(b, '5')]))).toEqual(['BAD_USER_INPUT', 'input.lines.0.debit']);
    expect(fieldError(await bad([dr(a, '-5'), cr(b, '5')]))).toEqual(['BAD_USER_INPUT', 'input.lines.0.debit']);
    expect(fieldError(await bad([dr(a, '5'), cr('00000000-0000-4000-8000-00000000dead', '5')]))).toEqual(['BAD_USER_INPUT', 'input.lines.1.ledgerAccountId']);
    expect(fieldError(await bad([dr(a, '5'), cr('not-an-id', '5')]))).toEqual(['BAD_USER_INPUT', 'input.lines.1.ledgerAccountId']);
    expect(fieldError(await bad([dr(a, '5'), cr(retired, '5')]))).toEqual(['BAD_USER_INPUT', 'input.lines.1.ledgerAccountId']);
    expect(fieldError(await admin.request(CREATE, { input: { date: '2026-02-30', lines: [] } }))[0]).toBe('BAD_USER_INPUT');
    // Each line fits numeric(14,2); their totals would not.
    const half = '600000000000.00';
    expect(fieldError(await bad([dr(a, half), dr(a, half), cr(b, '999999999999.99')]))).toEqual(['BAD_USER_INPUT', 'input.lines']);
    expect(fieldError(await bad([dr(a, '999999999999.99'), cr(b, half), cr(b, half)]))).toEqual(['BAD_USER_INPUT', 'input.lines']);
    const [{ n }] = await server.ds.query(`SELECT count(*)::int AS n FROM "journal_entries" WHERE "memo" = $1`, [memo]);
    expect(n).toBe(0);
  });

  it('posts only balanced entries of two lines or more, numbers them, and moves the balances', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const [bank, sales] = [await account('ASSET'), await account('REVENUE')];
    const one = await draft(accountant, { date: '2026-04-01', lines: [dr(bank, '10.00')] });
    expect(fieldError(await accountant.request(POST, { id: one.id }))).toEqual(['BAD_USER_INPUT', 'id']);
    const lopsided = await draft(accountant, { date: '2026-04-01', lines: [dr(bank, '10.00'), cr(sales, '9.99')] });
    const refused = await accountant.request(POST, { id: lopsided.id });
    expect(fieldError(refused)).toEqual(['BAD_USER_INPUT', 'id']);
    expect(refused.errors?.[0]?.message).toMatch(/10\.00.*9\.99/);
    expect((await accountant.ok(GET, { id: lopsided.id })).journalEntry).toMatchObject({ status: 'DRAFT', number: null });

    const e = await draft(accountant, { date: '2026-04-01', lines: [dr(bank, '250.00'), cr(sales, '200.00'), cr(sales, '50.00')] });
    const posted = (await accountant.ok(POST, { id: e.id })).postJournalEntry;
    expect(posted).toMatchObject({ status: 'POSTED', number: expect.stringMatching(/^JE-2026-\d{5}$/), version: 2, postedAt: expect.any(String) });
    expect(fieldError(await accountant.request(POST, { id: e.id }))).toEqual(['BAD_USER_INPUT', 'id']);

    expect(await balance(accountant, bank, '2026-03-31')).toBe('0.00');
    expect(await balance(accountant, bank, '2026-04-01')).toBe('250.00');
    expect(await balance(accountant, sales, '2026-04-01')).toBe('250.00'); // revenue on its credit side
    const trial = (await accountant.ok(TRIAL, { asOf: '2026-04-01' })).trialBalance;
    expect(trial.totalDebit).toBe(trial.totalCredit);
    expect(trial.rows.find((r: { ledgerAccount: { id: string } }) => r.ledgerAccount.id === bank)).toMatchObject({ debit: '250.00', credit: '0.00' });
    expect(trial.rows.find((r: { ledgerAccount: { id: string } }) => r.ledgerAccount.id === sales)).toMatchObject({ debit: '0.00', credit: '250.00' });
  });

  it('rolls a group’s balance up from the accounts under it', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const group = await account('ASSET');
    const child = (await createLedgerAccount(server.ds, { type: 'ASSET', parentId: group })).id as string;
    const other = await account('LIABILITY');
    await admin.ok(POST, { id: (await draft(admin, { date: '2026-05-05', lines: [dr(child, '30.00'), cr(other, '30.00')] })).id });
    expect(await balance(admin, group, '2026-05-05')).toBe('30.00');
    expect(await balance(admin, child, '2026-05-05')).toBe('30.00');
    expect(await balance(admin, other, '2026-05-05')).toBe('30.00');
  });

  it('never changes a posted entry: not through the API, not by SQL', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const [a, b] = [await account(), await account()];
    const e = (await admin.ok(POST, { id: (await draft(admin, { date: '2026-04-02', lines: [dr(a, '5.00'), cr(b, '5.00')] })).id })).postJournalEntry;
    expect(fieldError(await admin.request(UPDATE, { id: e.id, input: { memo: 'rewritten' } }))).toEqual(['BAD_USER_INPUT', 'id']);
    expect(fieldError(await admin.request(`mutation($id: ID!) { deleteJournalEntry(id: $id) }`, { id: e.id }))).toEqual(['BAD_USER_INPUT', 'id']);

    await expect(server.ds.query(`UPDATE "journal_lines" SET "debit" = 6 WHERE "entryId" = $1 AND "debit" > 0`, [e.id])).rejects.toThrow(/posted/);
    await expect(server.ds.query(`DELETE FROM "journal_lines" WHERE "entryId" = $1`, [e.id])).rejects.toThrow(/posted/);
    await expect(
      server.ds.query(`INSERT INTO "journal_lines" ("entryId", "position", "ledgerAccountId", "debit") VALUES ($1, 9, $2, 1)`, [e.id, a]),
    ).rejects.toThrow(/posted/);
    await expect(server.ds.query(`UPDATE "journal_entries" SET "memo" = 'x' WHERE "id" = $1`, [e.id])).rejects.toThrow(/posted/);
    await expect(server.ds.query(`DELETE FROM "journal_entries" WHERE "id" = $1`, [e.id])).rejects.toThrow(/posted/);
    expect((await admin.ok(GET, { id: e.id })).journalEntry).toEqual(e);
  });

  it('deletes and restores drafts only', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const e = await draft(admin, { date: '2026-04-02', lines: [] });
    expect((await admin.ok(`mutation($id: ID!) { deleteJournalEntry(id: $id) }`, { id: e.id })).deleteJournalEntry).toBe(true);
    expect((await admin.ok(GET, { id: e.id })).journalEntry).toBeNull();
    expect((await admin.ok(`mutation($id: ID!) { restoreJournalEntry(id: $id) { id status } }`, { id: e.id })).restoreJournalEntry.status).toBe('DRAFT');
  });

  it('reverses a posted entry with its mirror image, linked both ways, once', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const [a, b] = [await account('ASSET'), await account('REVENUE')];
    const e = (await accountant.ok(POST, { id: (await draft(accountant, { date: '2026-06-10', lines: [dr(a, '70.00'), cr(b, '70.00')] })).id }))
      .postJournalEntry;
    expect(fieldError(await accountant.request(REVERSE, { id: e.id, date: '2026-06-09' }))).toEqual(['BAD_USER_INPUT', 'date']);
    const r = (await accountant.ok(REVERSE, { id: e.id, date: '2026-06-20' })).reverseJournalEntry;
    expect(r).toMatchObject({
      status: 'POSTED',
      source: 'REVERSAL',
      date: '2026-06-20',
      memo: `Reversal of ${e.number}`,
      reversalOf: { id: e.id, number: e.number },
    });
    expect(r.lines.map((l: { debit: string; credit: string }) => [l.debit, l.credit])).toEqual([
      ['0.00', '70.00'],
      ['70.00', '0.00'],
    ]);
    expect((await accountant.ok(GET, { id: e.id })).journalEntry).toMatchObject({ version: e.version, reversedBy: { id: r.id, number: r.number } });
    expect(fieldError(await accountant.request(REVERSE, { id: e.id, date: '2026-06-21' }))).toEqual(['BAD_USER_INPUT', 'id']);
    expect(await balance(accountant, a, '2026-06-19')).toBe('70.00');
    expect(await balance(accountant, a, '2026-06-20')).toBe('0.00');
    const draftOnly = await draft(accountant, { date: '2026-06-10', lines: [] });
    expect(fieldError(await accountant.request(REVERSE, { id: draftOnly.id, date: '2026-06-20' }))).toEqual(['BAD_USER_INPUT', 'id']);
    expect((await logged(accountant, e.id, 'REVERSED')).changes.reversedBy).toEqual({ from: null, to: r.number });
  });

  it('reads an entry to reverse only under its lock, and finds a malformed id as missing as an unknown one', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const [a, b] = [await account('ASSET'), await account('REVENUE')];
    const e = (await accountant.ok(POST, { id: (await draft(accountant, { date: '2026-06-10', lines: [dr(a, '5.00'), cr(b, '5.00')] })).id })).postJournalEntry;
    const { statements } = await countStatements(() => accountant.ok(REVERSE, { id: e.id, date: '2026-06-20' }));
    expect(statements.find((s) => /"journal_entries"/.test(s))).toMatch(/FOR UPDATE/);
    for (const id of ['not-an-id', '00000000-0000-4000-8000-00000000dead'])
      expect(code(await accountant.request(REVERSE, { id, date: '2026-06-20' }))).toBe('NOT_FOUND');
  });

  it('gives twenty entries posted at once twenty consecutive numbers, and a refused posting none', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const year = 2200 + Math.floor(Math.random() * 700);
    const [a, b] = [await account(), await account()];
    const drafts = await Promise.all(Array.from({ length: 20 }, () => draft(admin, { date: `${year}-01-15`, lines: [dr(a, '1.00'), cr(b, '1.00')] })));
    const lopsided = await draft(admin, { date: `${year}-01-15`, lines: [dr(a, '1.00'), cr(b, '2.00')] });
    const results = await Promise.all([...drafts.map((d) => admin.request(POST, { id: d.id })), admin.request(POST, { id: lopsided.id })]);
    expect(code(results[20])).toBe('BAD_USER_INPUT');
    const numbers = results.slice(0, 20).map((r) => r.data.postJournalEntry.number as string);
    expect(numbers.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `JE-${year}-${String(i + 1).padStart(5, '0')}`));
  });

  it('closes periods with the lock date: nothing posts or reverses on or before it', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const [a, b] = [await account(), await account()];
    const early = (await accountant.ok(POST, { id: (await draft(accountant, { date: '2001-06-15', lines: [dr(a, '3.00'), cr(b, '3.00')] })).id }))
      .postJournalEntry;
    const settings = (await accountant.ok(`mutation { setLockDate(date: "2001-06-30") { lockDate } }`)).setLockDate;
    expect(settings).toEqual({ lockDate: '2001-06-30' });
    expect((await accountant.ok(`{ financialSettings { lockDate } }`)).financialSettings.lockDate).toBe('2001-06-30');

    const onLock = await draft(accountant, { date: '2001-06-30', lines: [dr(a, '3.00'), cr(b, '3.00')] });
    expect(fieldError(await accountant.request(POST, { id: onLock.id }))).toEqual(['BAD_USER_INPUT', 'id']);
    expect(fieldError(await accountant.request(REVERSE, { id: early.id, date: '2001-06-30' }))).toEqual(['BAD_USER_INPUT', 'date']);
    expect((await accountant.ok(REVERSE, { id: early.id, date: '2001-07-01' })).reverseJournalEntry.status).toBe('POSTED');
    const after = await draft(accountant, { date: '2001-07-01', lines: [dr(a, '3.00'), cr(b, '3.00')] });
    expect((await accountant.ok(POST, { id: after.id })).postJournalEntry.status).toBe('POSTED');

    expect(fieldError(await accountant.request(`mutation { setLockDate(date: "2999-01-01") { lockDate } }`))).toEqual(['BAD_USER_INPUT', 'date']);
    const manager = await clientAs(server, 'SALES_MANAGER');
    expect(code(await manager.request(`mutation { setLockDate(date: "2001-01-01") { lockDate } }`))).toBe('FORBIDDEN');
    expect((await manager.ok(`{ financialSettings { lockDate } }`)).financialSettings.lockDate).toBe('2001-06-30');
  });

  it('writes a new draft’s lines without reading or deleting any, and posts reading its lines and their accounts once', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const [a, b] = [await account(), await account()];
    const lineStatements = (query: string, variables: Record<string, unknown>) => statementsOn('journal_lines', () => accountant.ok(query, variables));
    const created = await lineStatements(`mutation($input: CreateJournalEntryInput!) { createJournalEntry(input: $input) { id } }`, {
      input: { date: '2026-07-01', lines: [dr(a, '5.00'), cr(b, '5.00')] },
    });
    expect(created.verbs).toEqual(['INSERT']);
    const posted = await lineStatements(`mutation($id: ID!) { postJournalEntry(id: $id) { id } }`, { id: created.result.createJournalEntry.id });
    expect(posted.verbs).toEqual(['SELECT']);
  });

  it.each(ROLES)('as %s: reads, writes and posts as DESIGN.md §3 says', async (role) => {
    const admin = await clientAs(server, 'ADMIN');
    const c = await clientAs(server, role);
    const [a, b] = [await account(), await account()];
    const e = await draft(admin, { date: '2026-07-01', lines: [dr(a, '1.00'), cr(b, '1.00')] });
    const reads = ['ADMIN', 'ACCOUNTANT', 'SALES_MANAGER'].includes(role);
    const writes = ['ADMIN', 'ACCOUNTANT'].includes(role);
    const read = await c.request(GET, { id: e.id });
    expect(code(read)).toBe(reads ? undefined : 'FORBIDDEN');
    if (reads) expect(read.data.journalEntry.lines).toHaveLength(2);
    expect(code(await c.request(POST, { id: e.id }))).toBe(writes ? undefined : 'FORBIDDEN');
    expect(code(await c.request(CREATE, { input: { date: '2026-07-01', lines: [] } }))).toBe(writes ? undefined : 'FORBIDDEN');
    expect(code(await c.request(TRIAL, { asOf: '2026-07-01' }))).toBe(reads ? undefined : 'FORBIDDEN');
    const [{ status }] = await server.ds.query(`SELECT "status" FROM "journal_entries" WHERE "id" = $1`, [e.id]);
    expect(status).toBe(writes ? 'POSTED' : 'DRAFT');
  });

  it('lists entries with their lines and accounts, and the chart with balances, in a constant number of statements', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const run = async (n: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const [a, b] = [await account(), await account()];
        const e = await draft(admin, { date: '2026-08-01', lines: [dr(a, '2.00'), cr(b, '2.00')] });
        await admin.ok(POST, { id: e.id });
        ids.push(e.id, (await admin.ok(REVERSE, { id: e.id, date: '2026-08-02' })).reverseJournalEntry.id);
      }
      const { count, result } = await countStatements(() =>
        admin.ok(
          `query($ids: [ID!]!) { journalEntries(first: 50, filter: { id: { in: $ids } }) { nodes { id reversedBy { id } reversalOf { id }
             lines { debit ledgerAccount { code balance(asOf: "2026-08-01") parent { id } } } } } }`,
          { ids },
        ),
      );
      expect(result.journalEntries.nodes).toHaveLength(2 * n);
      return count;
    };
    expect(await run(2)).toBe(await run(5));
  });
});
