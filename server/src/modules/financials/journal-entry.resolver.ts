import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type DataLoader from 'dataloader';
import { DateScalar } from '../../kernel/calendar-date';
import { requirePrincipal, type Context } from '../../kernel/context';
import { reader } from '../../kernel/data/reader';
import { byColumnLoader } from '../../kernel/loaders/loaders';
import { postJournalEntry, reverseJournalEntry } from './commands/post-journal-entry.command';
import { LedgerAccount, ledgerAccounts } from './ledger-account.entity';
import { JournalEntry, journalEntries } from './journal-entry.entity';
import { JournalLine } from './journal-line.entity';
import { linesLoader } from './journal-lines';

const ID_ARG = { description: 'Identifier of the record.' };

/** The reversal of each of many entries, in one statement per request. */
function reversedByLoader(ctx: Context): DataLoader<string, JournalEntry[]> {
  return ctx.loaders.get('JournalEntry.reversedBy', () =>
    byColumnLoader<JournalEntry>(reader(ctx.ds), journalEntries.service.spec(ctx), 'reversalOfId', {
      where: journalEntries.policy.readWhere(requirePrincipal(ctx)),
    }),
  );
}

/** Posting and reversing; the rest of a journal entry's fields and mutations come from the record kit. */
@Resolver(() => JournalEntry)
export class JournalEntryResolver {
  @Mutation(() => JournalEntry, {
    description:
      'Posts a draft: two or more lines, debits equal to credits, active accounts, dated after the lock date. It gets its number JE-<year>-<00001…> and never changes again.',
  })
  postJournalEntry(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: Context): Promise<JournalEntry> {
    return postJournalEntry(ctx, id);
  }

  @Mutation(() => JournalEntry, {
    description: 'Reverses a posted entry: posts its mirror image on `date` (not before the original, after the lock date), linked both ways.',
  })
  reverseJournalEntry(
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('date', () => DateScalar, { description: 'The day the reversal is booked on.' }) date: string,
    @Ctx() ctx: Context,
  ): Promise<JournalEntry> {
    return reverseJournalEntry(ctx, id, date);
  }

  @FieldResolver(() => [JournalLine], { description: 'Its lines, in order.' })
  lines(@Root() e: JournalEntry, @Ctx() ctx: Context): Promise<JournalLine[]> {
    return linesLoader(ctx).load(e.id);
  }

  @FieldResolver(() => JournalEntry, { nullable: true, description: 'The entry that reverses this one; null while it stands.' })
  async reversedBy(@Root() e: JournalEntry, @Ctx() ctx: Context): Promise<JournalEntry | null> {
    if (e.status !== 'POSTED') return null;
    const [reversal] = await reversedByLoader(ctx).load(e.id);
    return reversal ?? null;
  }
}

@Resolver(() => JournalLine)
export class JournalLineResolver {
  @FieldResolver(() => LedgerAccount, { description: 'The account it posts to.' })
  ledgerAccount(@Root() l: JournalLine, @Ctx() ctx: Context): Promise<LedgerAccount | null> {
    return ledgerAccounts.service.loader(ctx).load(l.ledgerAccountId);
  }
}
