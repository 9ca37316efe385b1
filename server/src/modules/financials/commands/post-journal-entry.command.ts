import type { Context } from '../../../kernel/context';
import { ActivityAction } from '../../../kernel/activity/activity-log.entity';
import { badInput } from '../../../kernel/errors/errors';
import { inTransaction, type UnitOfWork } from '../../../kernel/events/unit-of-work';
import { toMinor } from '../../../kernel/money';
import type { Path, Values } from '../../../kernel/records/record.service';
import { updateRow } from '../../../kernel/data/rows';
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
  const inactive = lines.find((l) => !l.active);
  if (inactive) throw badInput(['id'], `Ledger account ${inactive.code} is inactive: new postings may not use it`);
  return journalEntries.service.applyUpdate(ctx, uow, draft, await postedValues(uow, draft.date, datePath), null, ActivityAction.POSTED);
}

/** What posting sets once the period is checked open: the number (gapless per year of the date), status and time. */
async function postedValues(uow: UnitOfWork, date: string, datePath: Path): Promise<Values> {
  await assertPeriodOpen(uow, date, datePath);
  return { status: JournalStatus.POSTED, number: await nextNumber(uow, 'JE', Number(date.slice(0, 4)), 5), postedAt: new Date() };
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

/**
 * A posted entry written by a business event (an invoice, a payment, ...) in its transaction: its
 * lines checked as a draft's, then balanced, and posted — one activity entry, POSTED. (It is
 * inserted as a draft and posted with its lines in: the database refuses lines added to a posted entry.)
 */
export function postSystemEntry(ctx: Context, uow: UnitOfWork, posting: SystemPosting, datePath: Path = ['id']): Promise<JournalEntry> {
  const input = { date: posting.date, memo: posting.memo, lines: posting.lines };
  return journalEntries.service.createIn(
    ctx,
    uow,
    input,
    ['input'],
    { source: posting.source, reversalOfId: posting.reversalOfId ?? null },
    {
      action: ActivityAction.POSTED,
      finish: async (draft) => {
        checkBalanced({ lines: posting.lines, totalDebit: toMinor(String(draft.totalDebit)), totalCredit: toMinor(String(draft.totalCredit)) });
        return updateRow<JournalEntry>(uow.manager, journalEntries.service.spec(ctx), draft.id, await postedValues(uow, draft.date, datePath));
      },
    },
  );
}

/**
 * Reverses a posted entry with its mirror image (debits and credits swapped) posted on `date`; the
 * two are linked both ways and the original stays as it was. `byPerson` refuses what a business
 * event posted (see reverseJournalEntry).
 */
export async function reverseIn(ctx: Context, uow: UnitOfWork, id: string, date: string, memo?: string, byPerson = false): Promise<JournalEntry> {
  const original = await journalEntries.service.lockForWrite(ctx, uow, id);
  if (byPerson) await guardEventPosting(uow, original);
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
  return inTransaction(ctx, (uow) => reverseIn(ctx, uow, id, date, undefined, true));
}

/** Refuses a locked entry a business event posted, or the reversal of one (voiding an invoice posts that). */
async function guardEventPosting(uow: UnitOfWork, entry: JournalEntry): Promise<void> {
  let source = entry.source;
  if (!EVENT_SOURCES.has(source) && entry.reversalOfId) {
    [{ source }] = await uow.manager.query(`SELECT "source" FROM "journal_entries" WHERE "id" = $1`, [entry.reversalOfId]);
  }
  if (EVENT_SOURCES.has(source)) throw badInput(['id'], `This entry was posted by ${source.toLowerCase()} work: undo it there (e.g. void the invoice)`);
}
