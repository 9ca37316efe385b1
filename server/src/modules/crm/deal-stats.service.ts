import type { Context } from '../../kernel/context';
import { requirePrincipal } from '../../kernel/context';
import { reader } from '../../kernel/data/reader';
import { SqlParams } from '../../kernel/pagination/sql';
import { dealPolicy } from './deal.policy';
import { interactionPolicy } from './interaction.policy';
import { DealStage, OPEN_STAGES } from './deal-stage';
import type { DealMonthStat, DealStageStat, DealStats } from './deal-stats.types';

export const WIN_RATE_DAYS = 90;

const OPEN = `(${OPEN_STAGES.map((s) => `'${s}'`).join(', ')})`;
const WON = `'${DealStage.CLOSED_WON}'`;
const LOST = `'${DealStage.CLOSED_LOST}'`;
// Calendar periods in UTC, as timestamps without zone; `AT TIME ZONE 'UTC'` turns them back into instants.
const MONTH0 = `date_trunc('month', now() AT TIME ZONE 'UTC')`;
const WEEK0 = `date_trunc('week', now() AT TIME ZONE 'UTC')`;
const utc = (local: string) => `((${local}) AT TIME ZONE 'UTC')`;

interface StatsRow {
  openPipelineAmount: string;
  openDealCount: number;
  wonThisMonthCount: number;
  wonThisMonthAmount: string;
  wonInWindow: number;
  lostInWindow: number;
  byStage: DealStageStat[];
  wonByMonth: DealMonthStat[];
}

/**
 * Dashboard figures, aggregated in SQL over the deals the caller may read (the same row scope as
 * the deals list). Amounts are summed as numeric and leave the database as text: never floats.
 */
export class DealStatsService {
  async stats(ctx: Context): Promise<Omit<DealStats, 'interactionsThisWeek'>> {
    const p = requirePrincipal(ctx);
    const params = new SqlParams();
    const scoped = (alias: string) => ['TRUE', `${alias}."deletedAt" IS NULL`, ...dealPolicy.readWhere(p, alias)(params)].join(' AND ');
    // One statement: the totals, then every stage and the last twelve months as JSON arrays (amounts as text).
    const sql = `
      SELECT
        coalesce(sum(t."amount") FILTER (WHERE t."stage" IN ${OPEN}), 0)::text AS "openPipelineAmount",
        (count(*) FILTER (WHERE t."stage" IN ${OPEN}))::int AS "openDealCount",
        (count(*) FILTER (WHERE t."stage" = ${WON} AND t."closedAt" >= ${utc(MONTH0)} AND t."closedAt" < ${utc(`${MONTH0} + interval '1 month'`)}))::int AS "wonThisMonthCount",
        coalesce(sum(t."amount") FILTER (WHERE t."stage" = ${WON} AND t."closedAt" >= ${utc(MONTH0)} AND t."closedAt" < ${utc(`${MONTH0} + interval '1 month'`)}), 0)::text AS "wonThisMonthAmount",
        (count(*) FILTER (WHERE t."stage" = ${WON} AND t."closedAt" > now() - interval '${WIN_RATE_DAYS} days'))::int AS "wonInWindow",
        (count(*) FILTER (WHERE t."stage" = ${LOST} AND t."closedAt" > now() - interval '${WIN_RATE_DAYS} days'))::int AS "lostInWindow",
        (SELECT json_agg(json_build_object('stage', s.stage, 'count', s.n, 'amount', s.amount) ORDER BY s.ord)
           FROM (SELECT st.stage, st.ord, count(d."id")::int AS n, coalesce(sum(d."amount"), 0)::text AS amount
                   FROM unnest(enum_range(NULL::deal_stage)) WITH ORDINALITY AS st(stage, ord)
                   LEFT JOIN "deals" d ON d."stage" = st.stage AND ${scoped('d')}
                  GROUP BY st.stage, st.ord) s) AS "byStage",
        (SELECT json_agg(json_build_object('month', to_char(m.month, 'YYYY-MM'), 'count', m.n, 'amount', m.amount) ORDER BY m.month)
           FROM (SELECT mo.month, count(d."id")::int AS n, coalesce(sum(d."amount"), 0)::text AS amount
                   FROM generate_series(${MONTH0} - interval '11 months', ${MONTH0}, interval '1 month') AS mo(month)
                   LEFT JOIN "deals" d ON d."stage" = ${WON} AND d."closedAt" >= ${utc('mo.month')}
                        AND d."closedAt" < ${utc(`mo.month + interval '1 month'`)} AND ${scoped('d')}
                  GROUP BY mo.month) m) AS "wonByMonth"
      FROM "deals" t
      WHERE ${scoped('t')}`;
    const [row]: StatsRow[] = await reader(ctx.ds).query(sql, params.values);
    const closed = row.wonInWindow + row.lostInWindow;
    return {
      ...row,
      winRateDays: WIN_RATE_DAYS,
      winRate: closed ? row.wonInWindow / closed : null,
    };
  }

  /** Interactions that happened this calendar week (Monday to Sunday, UTC), scoped like the interactions list. */
  async interactionsThisWeek(ctx: Context): Promise<number> {
    const p = requirePrincipal(ctx);
    const params = new SqlParams();
    const where = [
      't."deletedAt" IS NULL',
      `t."occurredAt" >= ${utc(WEEK0)}`,
      `t."occurredAt" < ${utc(`${WEEK0} + interval '7 days'`)}`,
      ...interactionPolicy.readWhere(p)(params),
    ];
    const [row] = await reader(ctx.ds).query(`SELECT count(*)::int AS n FROM "interactions" t WHERE ${where.join(' AND ')}`, params.values);
    return row.n;
  }
}

export const dealStatsService = new DealStatsService();
