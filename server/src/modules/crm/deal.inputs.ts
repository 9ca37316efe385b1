import { IsEnum, IsInt, IsOptional, IsString, Length, Max, Min, Matches } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MoneyScalar } from '../../kernel/money';
import { InCalendarRange, IsMoney, NotBlank } from '../../kernel/validation';
import { DealStage } from './deal-stage';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Fields both create and update accept; all optional (null clears on update). */
@InputType()
class DealFields {
  @Field(() => ID, { nullable: true, description: 'Main contact; must work at the deal’s account. Null clears.' })
  @IsOptional()
  primaryContactId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Chance of winning, 0–100.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  probability?: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Expected close date.' })
  @IsOptional()
  @Matches(DATE, { message: 'must be a date (YYYY-MM-DD)' })
  @InCalendarRange()
  expectedCloseDate?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Owner; a new deal defaults to you. Only managers and admins may assign others, and only to active users whose role may own deals (ADMIN, SALES_MANAGER, SALES_REP).',
  })
  @IsOptional()
  ownerId?: string | null;
}

@InputType({ description: 'A new deal; it starts in an open stage (PROSPECTING by default).' })
export class CreateDealInput extends DealFields {
  @Field({ description: 'What is being sold.' })
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @NotBlank()
  name!: string;

  @Field(() => ID, { description: 'The account.' })
  @IsString()
  accountId!: string;

  @Field(() => MoneyScalar, { defaultValue: '0', description: 'Expected value, ≥ 0 with at most 2 decimals.' })
  @IsMoney()
  amount!: string;

  @Field(() => DealStage, { defaultValue: DealStage.PROSPECTING, description: 'An open stage.' })
  @IsEnum(DealStage)
  stage!: DealStage;
}

@InputType({ description: 'Changes to a deal; the stage moves only with moveDealStage / reopenDeal.' })
export class UpdateDealInput extends DealFields {
  @Field({ nullable: true, description: 'What is being sold.' })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @NotBlank()
  name?: string;

  @Field(() => ID, { nullable: true, description: 'The account.' })
  @IsOptional()
  @IsString()
  accountId?: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Expected value, ≥ 0 with at most 2 decimals.' })
  @IsOptional()
  @IsMoney()
  amount?: string;
}
