import { requirePrincipal, type Context } from '../../../kernel/context';
import { ActivityAction } from '../../../kernel/activity/activity-log.entity';
import { badInput } from '../../../kernel/errors/errors';
import { inTransaction } from '../../../kernel/events/unit-of-work';
import { Expense, expenses } from '../expense.entity';
import { ExpenseStatus } from '../financial.types';
import { LedgerSystemRole } from '../ledger-account-type';
import { JournalSource } from '../journal.types';
import { requiredReason } from './reason';
import { postSystemEntry, systemAccounts } from './post-journal-entry.command';

async function lockSubmitted(ctx: Context, uow: Parameters<Parameters<typeof inTransaction>[1]>[0], id: string): Promise<Expense> {
  const expense = await expenses.service.lockForWrite(ctx, uow, id);
  if (expense.status !== ExpenseStatus.SUBMITTED) throw badInput(['id'], `The expense is already ${expense.status.toLowerCase()}`);
  return expense;
}

/** Approves a submitted expense and posts it on its date: Dr its category, Cr cash. */
export function approveExpense(ctx: Context, id: string): Promise<Expense> {
  return inTransaction(ctx, async (uow) => {
    const expense = await lockSubmitted(ctx, uow, id);
    const { CASH: cash } = await systemAccounts(uow, LedgerSystemRole.CASH);
    const what = `${expense.vendor}${expense.description ? `: ${expense.description}` : ''}`;
    const entry = await postSystemEntry(ctx, uow, {
      date: expense.date,
      memo: `Expense ${what}`,
      source: JournalSource.EXPENSE,
      lines: [
        { ledgerAccountId: expense.categoryId, debit: String(expense.amount), credit: '0', description: what },
        { ledgerAccountId: cash, debit: '0', credit: String(expense.amount), description: what },
      ],
    });
    return expenses.service.applyUpdate(
      ctx,
      uow,
      expense,
      { status: ExpenseStatus.APPROVED, approvedById: requirePrincipal(ctx).userId, journalEntryId: entry.id },
      null,
      ActivityAction.APPROVED,
    );
  });
}

/** Turns a submitted expense down with a reason; nothing is posted. */
export function rejectExpense(ctx: Context, id: string, reason: string): Promise<Expense> {
  return inTransaction(ctx, async (uow) => {
    const why = requiredReason(reason);
    const expense = await lockSubmitted(ctx, uow, id);
    return expenses.service.applyUpdate(ctx, uow, expense, { status: ExpenseStatus.REJECTED, rejectionReason: why }, null, ActivityAction.REJECTED);
  });
}
