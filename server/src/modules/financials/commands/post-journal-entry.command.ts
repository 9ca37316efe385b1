import type { Context } from '../../../kernel/context';
import { ActivityAction } from '../../../kernel/activity/activity-log.entity';
import { badInput, NotFoundError } from '../../../kernel/errors/errors';
import { inTransaction, type UnitOfWork } from '../../../kernel/events/unit-of-work';
import { isUuid } from '../../../kernel/ids';
import { toMinor } from '../../../kernel/money';
import type { Path } from '../../../kernel/records/record.service';
import { assertPeriodOpen } from '../financial-settings.service';
import { JournalEntry, journalEntries } from '../journal-entry.entity';
import type { JournalLineInput } from '../journal-entry.inputs';
import { checkBalanced, linesOf } from '../journal-lines';
import { JournalSource, JournalStatus } from '../journal.types';
import { LedgerSystemRole } from '../ledger-account-type';
import { nextNumber } from '../number-sequence.entity';

/** The accounts playing these system roles (found by role, never by number), in one statement. */
export async function systemAccounts<R extends LedgerSystemRole>(uow: UnitOfWork, ...roles: R[]): Promise<Record<R, string>> {
  const rows: { id: string; systemRole: R }[] = await uow.manager.query(`SELECT "id", "systemRole" FROM "ledger_accounts" WHERE "systemRole" = ANY($1)`, [
    roles,
  ]);
  const found = Object.fromEntries(rows.map((r) => [r.systemRole, r.id])) as Record<R, string>;
  for (const role of roles) if (!found[role]) throw new Error(`The chart has no ${role} account`);
  return found;
}

/** Posts a locked draft: balanced, two lines or more, active accounts, in an open period; numbered. */
export async function postLocked(ctx: Context, uow: UnitOfWork, draft: JournalEntry, datePath: Path = ['id']): Promise<JournalEntry> {
  if (draft.status !== JournalStatus.DRAFT) throw badInput(['id'], `${draft.number} is already posted`);
  const lines = await linesOf(uow.manager, draft.id);
  checkBalanced({
    lines,
    totalDebit: lines.reduce((s, l) => s + toMinor(String(l.debit)), 0n),
    totalCredit: lines.reduce((s, l) => s + toMinor(String(l.credit)), 0n),
  });
  if (toMinor(String(draft.totalDebit)) === 0n) throw badInput(['id'], 'A journal entry needs amounts above zero to post');
  const [inactive] = await uow.manager.query(
    `SELECT a."code" FROM "journal_lines" l JOIN "ledger_accounts" a ON a."id" = l."ledgerAccountId" WHERE l."entryId" = $1 AND NOT a."active" LIMIT 1`,
    [draft.id],
  );
  if (inactive) throw badInput(['id'], `Ledger account ${inactive.code} is inactive: new postings may not use it`);
  await assertPeriodOpen(uow, draft.date, datePath);
  const number = await nextNumber(uow, 'JE', Number(draft.date.slice(0, 4)), 5);
  return journalEntries.service.applyUpdate(ctx, uow, draft, { status: JournalStatus.POSTED, number, postedAt: new Date() }, null, ActivityAction.POSTED);
}

export function postJournalEntry(ctx: Context, id: string): Promise<JournalEntry> {
  return inTransaction(ctx, async (uow) => postLocked(ctx, uow, await journalEntries.service.lockForWrite(ctx, uow, id)));
}

export interface SystemPosting {
  date: string;
  memo: string;
  source: JournalSource;
  lines: JournalLineInput[];
  reversalOfId?: string;
}

/** A posted entry written by a business event (an invoice, a payment, ...) in its transaction. */
export async function postSystemEntry(ctx: Context, uow: UnitOfWork, posting: SystemPosting, datePath: Path = ['id']): Promise<JournalEntry> {
  const draft = await journalEntries.service.createIn(ctx, uow, { date: posting.date, memo: posting.memo, lines: posting.lines }, ['input'], {
    source: posting.source,
    reversalOfId: posting.reversalOfId ?? null,
  });
  return postLocked(ctx, uow, draft, datePath);
}

/**
 * Reverses a posted entry with its mirror image (debits and credits swapped) posted on `date`; the
 * two are linked both ways and the original stays as it was.
 */
export async function reverseIn(ctx: Context, uow: UnitOfWork, id: string, date: string, memo?: string): Promise<JournalEntry> {
  if (!isUuid(id)) throw new NotFoundError('JournalEntry', id);
  const original = await journalEntries.service.lockForWrite(ctx, uow, id);
  if (original.status !== JournalStatus.POSTED) throw badInput(['id'], 'Only a posted entry is reversed; a draft is changed or deleted');
  const [taken] = await uow.manager.query(`SELECT "number" FROM "journal_entries" WHERE "reversalOfId" = $1`, [id]);
  if (taken) throw badInput(['id'], `${original.number} is already reversed by ${taken.number}`);
  if (date < original.date) throw badInput(['date'], `cannot be before the entry it reverses (${original.date})`);
  const lines = await linesOf(uow.manager, id);
  const reversal = await postSystemEntry(
    ctx,
    uow,
    {
      date,
      memo: memo ?? `Reversal of ${original.number}`,
      source: JournalSource.REVERSAL,
      reversalOfId: id,
      lines: lines.map((l) => ({ ledgerAccountId: l.ledgerAccountId, debit: String(l.credit), credit: String(l.debit), description: l.description })),
    },
    ['date'],
  );
  // The original row never changes; its history still tells who reversed it.
  await journalEntries.service.record(uow, ActivityAction.REVERSED, original, { reversedBy: { from: null, to: reversal.number } });
  return reversal;
}

/** Entries a business event posted; they are undone through that event's own command. */
const EVENT_SOURCES = new Set<JournalSource>([JournalSource.INVOICE, JournalSource.PAYMENT, JournalSource.EXPENSE]);

/**
 * A person's reversal. What an invoice, payment or expense posted stays tied to it (voiding the
 * invoice reverses its posting), so only entries people made — and their reversals — are reversed here.
 */
export function reverseJournalEntry(ctx: Context, id: string, date: string): Promise<JournalEntry> {
  return inTransaction(ctx, async (uow) => {
    if (isUuid(id)) {
      const [row] = await uow.manager.query(
        `SELECT e."source", o."source" AS "originalSource" FROM "journal_entries" e LEFT JOIN "journal_entries" o ON o."id" = e."reversalOfId" WHERE e."id" = $1`,
        [id],
      );
      if (row && (EVENT_SOURCES.has(row.source) || EVENT_SOURCES.has(row.originalSource))) {
        throw badInput(
          ['id'],
          `This entry was posted by ${String(row.originalSource ?? row.source).toLowerCase()} work: undo it there (e.g. void the invoice)`,
        );
      }
    }
    return reverseIn(ctx, uow, id, date);
  });
}
