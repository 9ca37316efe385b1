import { todayUtc } from '../../kernel/calendar-date';
import { requirePrincipal, type Context } from '../../kernel/context';
import { reader } from '../../kernel/data/reader';
import { badInput } from '../../kernel/errors/errors';
import { fromMinor, toMinor } from '../../kernel/money';
import { hydrate } from '../../kernel/pagination/list';
import { SqlParams } from '../../kernel/pagination/sql';
import type { Where } from '../../kernel/records/policy';
import { accounts, type Account } from '../crm';
import { LedgerAccountType } from './ledger-account-type';
import { ledgerAccounts, type LedgerAccount } from './ledger-account.entity';
import { netByAccount } from './ledger.service';
import type { ArAging, ArAgingBuckets, FinancialSummary, ProfitAndLoss, ProfitAndLossMonth } from './reports.types';

const minor = (v: unknown) => (v == null ? 0n : toMinor(String(v)));

interface MonthTotals {
  /** "YYYY-MM" */
  month: string;
  revenue: bigint;
  expenses: bigint;
}

/**
 * Revenue (credit − debit) and expenses (debit − credit) of posted entries dated from `from` to `to`
 * (both included), by calendar month — every month the period touches, oldest first, zero where
 * nothing posted — in one statement. `scope` limits the ledger accounts (alias `t`) counted.
 */
async function monthlyTotals(ctx: Context, from: string, to: string, scope: Where = () => []): Promise<MonthTotals[]> {
  const params = new SqlParams();
  const [f, t] = [params.add(from, 'date'), params.add(to, 'date')];
  const where = scope(params);
  const rows: { month: string; revenue: string | null; expenses: string | null }[] = await reader(ctx.ds).query(
    `SELECT to_char(m, 'YYYY-MM') AS month, n.revenue, n.expenses FROM generate_series(date_trunc('month', ${f}), date_trunc('month', ${t}), interval '1 month') m
       LEFT JOIN (SELECT date_trunc('month', e."date") AS month,
                         SUM(l."credit" - l."debit") FILTER (WHERE t."type" = 'REVENUE') AS revenue,
                         SUM(l."debit" - l."credit") FILTER (WHERE t."type" = 'EXPENSE') AS expenses
                    FROM "journal_lines" l JOIN "journal_entries" e ON e."id" = l."entryId" JOIN "ledger_accounts" t ON t."id" = l."ledgerAccountId"
                   WHERE e."status" = 'POSTED' AND t."type" IN ('REVENUE', 'EXPENSE') AND e."date" BETWEEN ${f} AND ${t} ${where.map((w) => `AND ${w}`).join(' ')}
                   GROUP BY 1) n ON n.month = m
      ORDER BY m`,
    params.values,
  );
  return rows.map((r) => ({ month: r.month, revenue: minor(r.revenue), expenses: minor(r.expenses) }));
}

/** The months of a profit and loss (`ProfitAndLoss.months`): the same posted entries and accounts, by month. */
export async function profitAndLossMonths(ctx: Context, from: string, to: string): Promise<ProfitAndLossMonth[]> {
  const months = await monthlyTotals(ctx, from, to, ledgerAccounts.policy.readWhere(requirePrincipal(ctx)));
  return months.map((m) => ({ month: m.month, revenue: fromMinor(m.revenue), expenses: fromMinor(m.expenses) }));
}

/** Revenue and expenses of posted entries dated from `from` to `to`, both included. */
export async function profitAndLoss(ctx: Context, from: string, to: string): Promise<ProfitAndLoss> {
  if (to < from) throw badInput(['to'], 'cannot be before from');
  const spec = ledgerAccounts.service.spec(ctx);
  const params = new SqlParams();
  const net = netByAccount(params, { from, to });
  const scope = ledgerAccounts.policy.readWhere(requirePrincipal(ctx))(params);
  const rows: Record<string, unknown>[] = await reader(ctx.ds).query(
    `SELECT ${spec.selectList}, n.net AS "__net" FROM "ledger_accounts" t
       JOIN (${net}) n ON n.id = t."id"
      WHERE t."type" IN ('REVENUE', 'EXPENSE') AND n.net <> 0 ${scope.map((w) => `AND ${w}`).join(' ')}
      ORDER BY t."type", t."code"`, // the enum orders REVENUE before EXPENSE
    params.values,
  );
  let revenue = 0n;
  let expenses = 0n;
  const out = rows.map((r) => {
    const account = hydrate<LedgerAccount>(spec, r);
    const net = minor(r.__net);
    const amount = account.type === LedgerAccountType.REVENUE ? -net : net;
    if (account.type === LedgerAccountType.REVENUE) revenue += amount;
    else expenses += amount;
    return { ledgerAccount: account, amount: fromMinor(amount) };
  });
  return { from, to, revenue: fromMinor(revenue), expenses: fromMinor(expenses), netIncome: fromMinor(revenue - expenses), rows: out };
}

const BUCKETS = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;

function bucketOf(daysPastDue: number): (typeof BUCKETS)[number] {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return 'days1to30';
  if (daysPastDue <= 60) return 'days31to60';
  if (daysPastDue <= 90) return 'days61to90';
  return 'over90';
}

/**
 * What each account owed at the end of a day: invoices issued by then (void ones left out), less the
 * payments received by then, by days past due.
 */
export async function arAging(ctx: Context, asOf: string): Promise<ArAging> {
  const p = requirePrincipal(ctx);
  const params = new SqlParams();
  const day = params.add(asOf, 'date');
  const accountScope = accounts.policy.readWhere(p, 'a')(params);
  const open: { accountId: string; days: number; open: string }[] = await reader(ctx.ds).query(
    `SELECT i."accountId", (${day} - i."dueDate") AS days, i."total" - COALESCE(pd.paid, 0) AS open
       FROM "invoices" i JOIN "accounts" a ON a."id" = i."accountId"
       LEFT JOIN (SELECT "invoiceId", SUM("amount") AS paid FROM "payments" WHERE "date" <= ${day} GROUP BY 1) pd ON pd."invoiceId" = i."id"
      WHERE i."status" IN ('ISSUED', 'PARTIALLY_PAID', 'PAID') AND i."issueDate" <= ${day}
        AND i."total" - COALESCE(pd.paid, 0) > 0 ${accountScope.map((w) => `AND ${w}`).join(' ')}`,
    params.values,
  );
  const per = new Map<string, Record<(typeof BUCKETS)[number], bigint>>();
  const sums = Object.fromEntries(BUCKETS.map((b) => [b, 0n])) as Record<(typeof BUCKETS)[number], bigint>;
  for (const row of open) {
    const b = per.get(row.accountId) ?? (Object.fromEntries(BUCKETS.map((k) => [k, 0n])) as Record<(typeof BUCKETS)[number], bigint>);
    const bucket = bucketOf(Number(row.days));
    b[bucket] += minor(row.open);
    sums[bucket] += minor(row.open);
    per.set(row.accountId, b);
  }
  const loaded = await Promise.all([...per.keys()].map((id) => accounts.service.loader(ctx).load(id)));
  const asMoney = (b: Record<(typeof BUCKETS)[number], bigint>): ArAgingBuckets => {
    const total = BUCKETS.reduce((s, k) => s + b[k], 0n);
    return { ...(Object.fromEntries(BUCKETS.map((k) => [k, fromMinor(b[k])])) as Record<(typeof BUCKETS)[number], string>), total: fromMinor(total) };
  };
  const rows = [...per.entries()]
    .map(([, b], i) => ({ account: loaded[i] as Account, ...asMoney(b) }))
    .filter((r) => r.account)
    .sort((x, y) => (minor(y.total) > minor(x.total) ? 1 : minor(y.total) < minor(x.total) ? -1 : 0));
  const totals = asMoney(sums);
  return { asOf, rows, total: totals.total, totals };
}

/** The dashboard's figures: receivables now, revenue this month and in each of the last twelve months. */
export async function financialSummary(ctx: Context): Promise<FinancialSummary> {
  const today = todayUtc();
  const [ar] = await reader(ctx.ds).query(
    `SELECT COALESCE(SUM(l."debit") - SUM(l."credit"), 0) AS net FROM "journal_lines" l
       JOIN "journal_entries" e ON e."id" = l."entryId" JOIN "ledger_accounts" a ON a."id" = l."ledgerAccountId"
      WHERE e."status" = 'POSTED' AND e."date" <= $1 AND a."systemRole" = 'ACCOUNTS_RECEIVABLE'`,
    [today],
  );
  const [y, m] = today.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10); // the first day of the month eleven months back
  const months = await monthlyTotals(ctx, first, today);
  const revenueByMonth = months.map((r) => ({ month: r.month, amount: fromMinor(r.revenue) }));
  return { arOutstanding: fromMinor(minor(ar.net)), revenueThisMonth: revenueByMonth[revenueByMonth.length - 1].amount, revenueByMonth };
}
