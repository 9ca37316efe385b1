import { ArrayMaxSize, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../kernel/calendar-date';
import { MoneyScalar } from '../../kernel/money';
import { InCalendarRange, IsMoney } from '../../kernel/validation';

export const MAX_JOURNAL_LINES = 200;

@InputType({ description: 'A line of a journal entry: a debit or a credit (one of them above zero, never both).' })
export class JournalLineInput {
  @Field(() => ID, { description: 'The ledger account it posts to (an active one).' })
  @IsString()
  ledgerAccountId!: string;

  @Field(() => MoneyScalar, { defaultValue: '0', description: 'Debit, ≥ 0 with at most 2 decimals.' })
  @IsMoney()
  debit!: string;

  @Field(() => MoneyScalar, { defaultValue: '0', description: 'Credit, ≥ 0 with at most 2 decimals.' })
  @IsMoney()
  credit!: string;

  @Field(() => String, { nullable: true, description: 'What the line is for.' })
  @IsOptional()
  @IsString()
  @Length(0, 500, { message: 'must be at most 500 characters' })
  description?: string | null;
}

@InputType({ description: 'A new journal entry, saved as a draft.' })
export class CreateJournalEntryInput {
  @Field(() => DateScalar, { description: 'The day it is booked on.' })
  @InCalendarRange()
  date!: string;

  @Field(() => String, { nullable: true, description: 'What the entry records.' })
  @IsOptional()
  @IsString()
  @Length(0, 1000, { message: 'must be at most 1000 characters' })
  memo?: string | null;

  @Field(() => [JournalLineInput], { description: `Its lines, in order (at most ${MAX_JOURNAL_LINES}); posting needs two or more, balanced.` })
  @ArrayMaxSize(MAX_JOURNAL_LINES, { message: `must have at most ${MAX_JOURNAL_LINES} lines` })
  @ValidateNested({ each: true })
  lines!: JournalLineInput[];
}

@InputType({ description: 'Changes to a draft journal entry; omitted fields stay as they are, given lines replace all lines.' })
export class UpdateJournalEntryInput {
  @Field(() => DateScalar, { nullable: true, description: 'The day it is booked on.' })
  @IsOptional()
  @InCalendarRange()
  date?: string;

  @Field(() => String, { nullable: true, description: 'What the entry records; null clears it.' })
  @IsOptional()
  @IsString()
  @Length(0, 1000, { message: 'must be at most 1000 characters' })
  memo?: string | null;

  @Field(() => [JournalLineInput], { nullable: true, description: `All its lines, in order (at most ${MAX_JOURNAL_LINES}).` })
  @IsOptional()
  @ArrayMaxSize(MAX_JOURNAL_LINES, { message: `must have at most ${MAX_JOURNAL_LINES} lines` })
  @ValidateNested({ each: true })
  lines?: JournalLineInput[];
}
