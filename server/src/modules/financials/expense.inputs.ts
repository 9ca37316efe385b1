import { IsOptional, IsString, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../kernel/calendar-date';
import { MoneyScalar } from '../../kernel/money';
import { InCalendarRange, IsMoney, NotBlank } from '../../kernel/validation';

@InputType({ description: 'An expense to submit.' })
export class CreateExpenseInput {
  @Field({ description: 'Who was paid.' })
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @NotBlank()
  vendor!: string;

  @Field(() => ID, { description: 'Its expense account (an active EXPENSE account).' })
  @IsString()
  categoryId!: string;

  @Field(() => MoneyScalar, { description: 'Amount above zero with at most 2 decimals.' })
  @IsMoney()
  amount!: string;

  @Field(() => DateScalar, { description: 'The day it was spent.' })
  @InCalendarRange()
  date!: string;

  @Field(() => String, { nullable: true, description: 'What it was for.' })
  @IsOptional()
  @IsString()
  @Length(0, 1000, { message: 'must be at most 1000 characters' })
  description?: string | null;
}
