import DataLoader from 'dataloader';
import { todayUtc } from '../../kernel/calendar-date';
import { requirePrincipal, type Context } from '../../kernel/context';
import { reader } from '../../kernel/data/reader';
import { fromMinor, toMinor } from '../../kernel/money';
import { hydrate } from '../../kernel/pagination/list';
import { SqlParams } from '../../kernel/pagination/sql';
import { LedgerAccountType } from './ledger-account-type';
import { LedgerAccount, ledgerAccounts } from './ledger-account.entity';
import type { TrialBalance } from './ledger.types';

/** Assets and expenses grow with debits; liabilities, equity and revenue with credits. */
export const debitNormal = (type: LedgerAccountType) => type === LedgerAccountType.ASSET || type === LedgerAccountType.EXPENSE;

/** SQL of posted lines dated from `from` (when given) to `to`, both included, as debit minus credit per account: rows (id, net). */
export function netByAccount(params: SqlParams, { from, to }: { from?: string; to: string }): string {
  const dates = from === undefined ? `e."date" <= ${params.add(to, 'date')}` : `e."date" BETWEEN ${params.add(from, 'date')} AND ${params.add(to, 'date')}`;
  return `SELECT l."ledgerAccountId" AS id, SUM(l."debit") - SUM(l."credit") AS net
    FROM "journal_lines" l JOIN "journal_entries" e ON e."id" = l."entryId"
    WHERE e."status" = 'POSTED' AND ${dates} GROUP BY l."ledgerAccountId"`;
}

/**
 * Balances at the end of a day, of many accounts in one statement per request: each account's own
 * postings and those of the accounts grouped under it, on the account's normal side.
 */
export function balanceLoader(ctx: Context, asOf: string | null | undefined): DataLoader<string, string> {
  const day = asOf ?? todayUtc();
  return ctx.loaders.get(
    `LedgerAccount.balance:${day}`,
    () =>
      new DataLoader<string, string>(async (ids) => {
        const params = new SqlParams();
        const rows: { root: string; type: LedgerAccountType; net: string | null }[] = await reader(ctx.ds).query(
          `WITH RECURSIVE tree AS (
             SELECT a."id" AS root, a."id" FROM "ledger_accounts" a WHERE a."id" = ANY(${params.add(ids, 'uuid[]')})
             UNION ALL SELECT t.root, c."id" FROM "ledger_accounts" c JOIN tree t ON c."parentId" = t."id"),
           net AS (${netByAccount(params, { to: day })})
           SELECT t.root, r."type", SUM(net.net) AS net FROM tree t JOIN "ledger_accounts" r ON r."id" = t.root
             LEFT JOIN net ON net.id = t."id" GROUP BY t.root, r."type"`,
          params.values,
        );
        const byId = new Map(rows.map((r) => [r.root, r]));
        return ids.map((id) => {
          const r = byId.get(id);
          const net = r?.net ? toMinor(String(r.net)) : 0n;
          return fromMinor(r && !debitNormal(r.type) ? -net : net);
        });
      }),
  );
}

/** The trial balance at the end of a day: each account with a balance, on its side. */
export async function trialBalance(ctx: Context, asOf: string): Promise<TrialBalance> {
  const spec = ledgerAccounts.service.spec(ctx);
  const params = new SqlParams();
  const net = netByAccount(params, { to: asOf });
  const scope = ledgerAccounts.policy.readWhere(requirePrincipal(ctx))(params);
  const rows: Record<string, unknown>[] = await reader(ctx.ds).query(
    `WITH net AS (${net})
     SELECT ${spec.selectList}, net.net AS "__net" FROM "ledger_accounts" t JOIN net ON net.id = t."id"
      WHERE net.net <> 0 ${scope.map((w) => `AND ${w}`).join(' ')} ORDER BY t."code"`,
    params.values,
  );
  let totalDebit = 0n;
  let totalCredit = 0n;
  const out = rows.map((r) => {
    const net = toMinor(String(r.__net));
    if (net > 0n) totalDebit += net;
    else totalCredit -= net;
    return { ledgerAccount: hydrate<LedgerAccount>(spec, r), debit: fromMinor(net > 0n ? net : 0n), credit: fromMinor(net < 0n ? -net : 0n) };
  });
  return { asOf, rows: out, totalDebit: fromMinor(totalDebit), totalCredit: fromMinor(totalCredit) };
}
