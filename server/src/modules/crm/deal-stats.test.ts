import type { Client } from '../../../test/client';
import { anonymous, clientAs, createDeal, createInteraction, RoleName } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { countStatements } from '../../../test/sql-counter';
import { fromMinor, toMinor } from '../../kernel/money';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const STATS = `{
  dealStats {
    openPipelineAmount openDealCount wonThisMonthCount wonThisMonthAmount
    winRate winRateDays wonInWindow lostInWindow
    byStage { stage count amount }
    wonByMonth { month count amount }
  }
}`;
const WITH_INTERACTIONS = `{ dealStats { openDealCount interactionsThisWeek } }`;

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const monthKey = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
/** The last twelve month keys, oldest first, as the server's UTC clock sees them. */
function lastTwelveMonths(): string[] {
  const now = new Date();
  return Array.from({ length: 12 }, (_, i) => monthKey(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1))));
}

const stats = async (c: Client) => (await c.ok(STATS)).dealStats;
const won = (closedAt: Date, amount: string) => ({ stage: 'CLOSED_WON', closedAt, amount, probability: 100 });
const lost = (closedAt: Date, amount: string) => ({ stage: 'CLOSED_LOST', closedAt, amount, lostReason: 'Budget', probability: 0 });

describe('dealStats', () => {
  it('adds up a rep’s own deals: open pipeline, won this month, win rate, by stage and by month — exactly', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const other = await clientAs(server, 'SALES_REP');
    const me = rep.user.id;
    const fortyDaysAgo = daysAgo(40);
    // Open: 0.10 + 0.20 + 1000.45 (floats would not give 1000.75 exactly).
    await createDeal(server.ds, me, { stage: 'PROSPECTING', amount: '0.10' });
    await createDeal(server.ds, me, { stage: 'PROSPECTING', amount: '0.20' });
    await createDeal(server.ds, me, { stage: 'NEGOTIATION', amount: '1000.45' });
    await createDeal(server.ds, me, won(new Date(), '500.10'));
    await createDeal(server.ds, me, won(fortyDaysAgo, '700.00'));
    await createDeal(server.ds, me, won(daysAgo(400), '9999.00')); // older than twelve months and the window
    await createDeal(server.ds, me, lost(daysAgo(10), '300.00'));
    await createDeal(server.ds, me, lost(daysAgo(200), '50.00')); // outside the win-rate window
    // Left out: a trashed deal of the rep, and someone else's deals.
    await createDeal(server.ds, me, { stage: 'PROPOSAL', amount: '77.00', deletedAt: new Date() });
    await createDeal(server.ds, other.user.id, { stage: 'PROPOSAL', amount: '5000.00' });
    await createDeal(server.ds, other.user.id, won(new Date(), '123.00'));

    const s = await stats(rep);
    expect(s).toMatchObject({
      openPipelineAmount: '1000.75',
      openDealCount: 3,
      wonThisMonthCount: 1,
      wonThisMonthAmount: '500.10',
      winRateDays: 90,
      wonInWindow: 2,
      lostInWindow: 1,
    });
    expect(s.winRate).toBeCloseTo(2 / 3, 10);
    expect(s.byStage).toEqual([
      { stage: 'PROSPECTING', count: 2, amount: '0.30' },
      { stage: 'QUALIFICATION', count: 0, amount: '0.00' },
      { stage: 'PROPOSAL', count: 0, amount: '0.00' },
      { stage: 'NEGOTIATION', count: 1, amount: '1000.45' },
      { stage: 'CLOSED_WON', count: 3, amount: '11199.10' },
      { stage: 'CLOSED_LOST', count: 2, amount: '350.00' },
    ]);

    const months = lastTwelveMonths();
    expect(s.wonByMonth.map((m: { month: string }) => m.month)).toEqual(months);
    const byMonth = Object.fromEntries(s.wonByMonth.map((m: { month: string; count: number; amount: string }) => [m.month, [m.count, m.amount]]));
    const current = months[11];
    const earlier = monthKey(fortyDaysAgo);
    expect(byMonth[current]).toEqual([1, '500.10']);
    expect(byMonth[earlier]).toEqual([1, '700.00']);
    for (const m of months.filter((k) => k !== current && k !== earlier)) expect(byMonth[m]).toEqual([0, '0.00']);
  });

  it('gives zeros, a full stage and month list, and a null win rate when nothing has closed', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const s = await stats(rep);
    expect(s).toMatchObject({
      openPipelineAmount: '0.00',
      openDealCount: 0,
      wonThisMonthCount: 0,
      wonThisMonthAmount: '0.00',
      winRate: null,
      wonInWindow: 0,
      lostInWindow: 0,
    });
    expect(s.byStage.map((b: { stage: string }) => b.stage)).toEqual(['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST']);
    expect(s.byStage.every((b: { count: number; amount: string }) => b.count === 0 && b.amount === '0.00')).toBe(true);
    expect(s.wonByMonth).toHaveLength(12);
    expect(s.wonByMonth.every((m: { count: number; amount: string }) => m.count === 0 && m.amount === '0.00')).toBe(true);
  });

  it.each<RoleName>(['ADMIN', 'SALES_MANAGER', 'ACCOUNTANT'])('%s counts every owner’s deals', async (role) => {
    const viewer = await clientAs(server, role);
    const rep = await clientAs(server, 'SALES_REP');
    const before = await stats(viewer);
    await createDeal(server.ds, rep.user.id, { stage: 'QUALIFICATION', amount: '123.45' });
    await createDeal(server.ds, rep.user.id, won(new Date(), '10.05'));
    const after = await stats(viewer);
    expect(after.openDealCount).toBe(before.openDealCount + 1);
    expect(after.openPipelineAmount).toBe(fromMinor(toMinor(before.openPipelineAmount) + 12345n));
    expect(after.wonThisMonthCount).toBe(before.wonThisMonthCount + 1);
    expect(after.wonThisMonthAmount).toBe(fromMinor(toMinor(before.wonThisMonthAmount) + 1005n));
    expect(after.wonInWindow).toBe(before.wonInWindow + 1);
  });

  it('counts the interactions of this calendar week that the caller may see', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const other = await clientAs(server, 'SALES_REP');
    await createInteraction(server.ds, rep.user.id, { occurredAt: new Date() });
    await createInteraction(server.ds, rep.user.id, { occurredAt: daysAgo(8) }); // last week at the latest
    await createInteraction(server.ds, rep.user.id, { occurredAt: new Date(), deletedAt: new Date() });
    await createInteraction(server.ds, other.user.id, { occurredAt: new Date() });
    expect((await rep.ok(WITH_INTERACTIONS)).dealStats.interactionsThisWeek).toBe(1);

    const manager = await clientAs(server, 'SALES_MANAGER');
    const before = (await manager.ok(WITH_INTERACTIONS)).dealStats.interactionsThisWeek;
    await createInteraction(server.ds, other.user.id, { occurredAt: new Date() });
    expect((await manager.ok(WITH_INTERACTIONS)).dealStats.interactionsThisWeek).toBe(before + 1);
  });

  it('refuses the interaction count to an accountant (who reads deals, not interactions) but still gives the deal figures', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const res = await accountant.request(WITH_INTERACTIONS);
    expect(res.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['FORBIDDEN', ['dealStats', 'interactionsThisWeek']]]);
    expect(res.data.dealStats.interactionsThisWeek).toBeNull();
    expect(typeof res.data.dealStats.openDealCount).toBe('number');
    expect((await accountant.ok(STATS)).dealStats.byStage).toHaveLength(6);
  });

  it.each<RoleName>(['DISPATCHER', 'TECHNICIAN'])('refuses %s (no deal access)', async (role) => {
    const c = await clientAs(server, role);
    const res = await c.request(STATS);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.dealStats ?? null).toBeNull();
  });

  it('refuses anonymous callers', async () => {
    expect(await anonymous(server).code(STATS)).toBe('UNAUTHENTICATED');
  });

  it('uses the same few SQL statements however many deals there are', async () => {
    const few = await clientAs(server, 'SALES_REP');
    const many = await clientAs(server, 'SALES_REP');
    await createDeal(server.ds, few.user.id, { amount: '1.00' });
    for (let i = 0; i < 40; i++) {
      await createDeal(server.ds, many.user.id, i % 3 ? { amount: `${i}.00`, stage: 'PROPOSAL' } : won(daysAgo(i * 7), `${i}.50`));
    }
    const q = `{ dealStats { openPipelineAmount byStage { stage amount } wonByMonth { month amount } interactionsThisWeek } }`;
    const small = await countStatements(() => few.ok(q));
    const large = await countStatements(() => many.ok(q));
    expect(large.count).toBe(small.count);
    // The session lookup, the deal figures (one statement) and the interaction count.
    expect(large.count).toBeLessThanOrEqual(3);
  });
});
