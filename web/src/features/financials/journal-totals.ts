import { fromCents, toCents, typedCents } from '../../components/kit/money';

// Journal arithmetic in whole cents (bigint), never floats: totals, the balance check and the
// rules the server applies when a line is saved or an entry is posted.

export interface Totals {
  debit: bigint;
  credit: bigint;
}

/** Totals of the lines as typed so far (what does not read as an amount yet counts as nothing). */
export function typedTotals(rows: Record<string, unknown>[]): Totals {
  const cents = (value: unknown) => typedCents(value) ?? 0n;
  return rows.reduce<Totals>((t, r) => ({ debit: t.debit + cents(r.debit), credit: t.credit + cents(r.credit) }), { debit: 0n, credit: 0n });
}

const checkedCents = (value: unknown) => (value ? toCents(String(value)) : 0n);

/** The server's rule for one line (checked values, "10.00" or null): a debit or a credit above zero, not both. */
export function checkJournalLine(line: Record<string, unknown>): { field: string; message: string } | null {
  const debit = checkedCents(line.debit);
  const credit = checkedCents(line.credit);
  if (debit > 0n && credit > 0n) return { field: 'credit', message: 'A line is a debit or a credit, not both' };
  if (debit === 0n && credit === 0n) return { field: 'debit', message: 'A line needs a debit or a credit above zero' };
  return null;
}

/** Why a draft cannot be posted yet, in the server's words; null when it can. */
export function postBlocker(entry: { lines: unknown[]; totalDebit: string; totalCredit: string }): string | null {
  if (entry.lines.length < 2) return 'A journal entry needs at least two lines to post.';
  const debit = toCents(entry.totalDebit);
  const credit = toCents(entry.totalCredit);
  if (debit !== credit) return `Debits (${fromCents(debit)}) and credits (${fromCents(credit)}) must be equal to post.`;
  if (debit === 0n) return 'A journal entry needs amounts above zero to post.';
  return null;
}
