import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { userDirectory } from '../../kernel/records/directory';
import { approveExpense, rejectExpense } from './commands/expense-approval.command';
import { Expense } from './expense.entity';

const ID_ARG = { description: 'Identifier of the record.' };

/** Approving and rejecting; the rest of an expense's fields and mutations come from the record kit. */
@Resolver(() => Expense)
export class ExpenseResolver {
  @Mutation(() => Expense, { description: 'Approves a submitted expense and posts it on its date: Dr its category, Cr cash.' })
  approveExpense(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: Context): Promise<Expense> {
    return approveExpense(ctx, id);
  }

  @Mutation(() => Expense, { description: 'Rejects a submitted expense with a reason; nothing is posted.' })
  rejectExpense(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('reason', () => String, { description: 'Why it is rejected.' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<Expense> {
    return rejectExpense(ctx, id, reason);
  }

  @FieldResolver(() => userDirectory().type(), { nullable: true, description: 'Who approved it; null unless approved.' })
  approvedBy(@Root() e: Expense, @Ctx() ctx: Context): Promise<unknown> | null {
    return e.approvedById ? userDirectory().load(ctx, e.approvedById) : null;
  }
}
