import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { requirePrincipal, type Context } from '../../kernel/context';
import { childRowsLoader, replaceChildRows, type ChildTable } from '../../kernel/data/child-rows';
import { badInput, BadUserInputError, type FieldError } from '../../kernel/errors/errors';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';
import { isUuid } from '../../kernel/ids';
import { assertMoneyRange, fromMinor, toMinor } from '../../kernel/money';
import { SqlParams } from '../../kernel/pagination/sql';
import type { Path, Values } from '../../kernel/records/record.service';
import type { JournalLineInput } from './journal-entry.inputs';
import type { JournalLine } from './journal-line.entity';
import { ledgerAccountPolicy } from './ledger-account.policy';

/** A line as stored: amounts normalised to two decimals. */
export interface LineValues {
  ledgerAccountId: string;
  debit: string;
  credit: string;
  description: string | null;
  /** The account's number, for the activity log (not stored on the line). */
  code?: string;
  /** Whether the account takes new postings, as read with the line (not stored on it). */
  active?: boolean;
}

export interface CheckedLines {
  lines: LineValues[];
  totalDebit: bigint;
  totalCredit: bigint;
}

/**
 * Checks a set of lines as a draft may hold them: each a debit or a credit above zero (never both),
 * to a ledger account the caller may read and that is active. Balance is checked at posting.
 */
export async function checkLines(ctx: Context, m: EntityManager, input: JournalLineInput[], path: Path): Promise<CheckedLines> {
  const errors: FieldError[] = [];
  const lines: LineValues[] = [];
  let totalDebit = 0n;
  let totalCredit = 0n;
  input.forEach((l, i) => {
    const at = [...path, 'lines', i];
    const debit = toMinor(l.debit);
    const credit = toMinor(l.credit);
    if (debit > 0n && credit > 0n) errors.push({ path: [...at, 'credit'], message: 'A line is a debit or a credit, not both' });
    else if (debit === 0n && credit === 0n) errors.push({ path: [...at, 'debit'], message: 'A line needs a debit or a credit above zero' });
    if (!isUuid(l.ledgerAccountId)) errors.push({ path: [...at, 'ledgerAccountId'], message: 'LedgerAccount not found' });
    totalDebit += debit;
    totalCredit += credit;
    lines.push({ ledgerAccountId: l.ledgerAccountId, debit: fromMinor(debit), credit: fromMinor(credit), description: l.description?.trim() || null });
  });
  if (errors.length) throw new BadUserInputError(errors);
  assertMoneyRange(totalDebit, [...path, 'lines'], 'The total debit');
  assertMoneyRange(totalCredit, [...path, 'lines'], 'The total credit');
  const ids = [...new Set(lines.map((l) => l.ledgerAccountId))];
  if (ids.length) {
    const params = new SqlParams();
    const where = [`t."id" = ANY(${params.add(ids, 'uuid[]')})`, ...ledgerAccountPolicy.readWhere(requirePrincipal(ctx))(params)];
    const rows: { id: string; active: boolean; code: string }[] = await m.query(
      `SELECT t."id", t."active", t."code" FROM "ledger_accounts" t WHERE ${where.join(' AND ')}`,
      params.values,
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    lines.forEach((l, i) => {
      const account = found.get(l.ledgerAccountId);
      l.code = account?.code;
      const active = account?.active;
      if (active === undefined) errors.push({ path: [...path, 'lines', i, 'ledgerAccountId'], message: 'LedgerAccount not found' });
      else if (!active) errors.push({ path: [...path, 'lines', i, 'ledgerAccountId'], message: 'is inactive: new postings may not use it' });
    });
    if (errors.length) throw new BadUserInputError(errors);
  }
  return { lines, totalDebit, totalCredit };
}

/** What posting asks beyond a draft's lines: two or more, and debits equal to credits. */
export function checkBalanced(c: { lines: unknown[]; totalDebit: bigint; totalCredit: bigint }): void {
  if (c.lines.length < 2) throw badInput(['id'], 'A journal entry needs at least two lines to post');
  if (c.totalDebit !== c.totalCredit) {
    throw badInput(['id'], `Debits (${fromMinor(c.totalDebit)}) and credits (${fromMinor(c.totalCredit)}) must be equal to post`);
  }
}

export async function linesOf(m: EntityManager, entryId: string): Promise<LineValues[]> {
  return m.query(
    `SELECT l."ledgerAccountId", l."debit", l."credit", l."description", a."code", a."active" FROM "journal_lines" l
       JOIN "ledger_accounts" a ON a."id" = l."ledgerAccountId" WHERE l."entryId" = $1 ORDER BY l."position"`,
    [entryId],
  );
}

const JOURNAL_LINES: ChildTable = {
  table: 'journal_lines',
  parent: 'entryId',
  columns: { ledgerAccountId: 'uuid', debit: 'numeric', credit: 'numeric', description: 'text' },
};

/** Replaces an entry's lines (two statements, whatever their number; one for a `fresh` entry). */
export function replaceLines(uow: UnitOfWork, entryId: string, lines: LineValues[], fresh = false): Promise<void> {
  return replaceChildRows(uow.manager, JOURNAL_LINES, entryId, lines as unknown as Record<string, unknown>[], fresh);
}

/** The logged form of a set of lines, e.g. `["Dr 1000 125.00", "Cr 4000 125.00"]`. */
function summary(lines: LineValues[]): string[] {
  return lines.map((l) => {
    const account = l.code ?? l.ledgerAccountId;
    // Two-decimal text both as stored (numeric(14,2)) and as checked (checkLines).
    return toMinor(String(l.debit)) > 0n ? `Dr ${account} ${l.debit}` : `Cr ${account} ${l.credit}`;
  });
}

/** The `lines` change for the activity log; null when the lines stay as they were. */
export function linesChange(before: LineValues[], after: LineValues[]): Values | null {
  const from = summary(before);
  const to = summary(after);
  const same =
    from.length === to.length &&
    from.every((s, i) => s === to[i] && before[i].ledgerAccountId === after[i].ledgerAccountId && before[i].description === after[i].description);
  return same ? null : { lines: { from: before.length ? from : null, to } };
}

/** Lines of many entries in one statement per request, in their order. */
export function linesLoader(ctx: Context): DataLoader<string, JournalLine[]> {
  return childRowsLoader<JournalLine & Record<string, unknown>>(ctx, JOURNAL_LINES);
}
