import { IsEnum, IsInt, IsOptional, IsString, Length, Max, Min, Matches } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../kernel/money';
import { PageArgsInput } from '../../kernel/pagination/connection.types';
import { DateFilter, DateTimeFilter, EnumFilter, IDFilter, IntFilter, MoneyFilter, SortDirection, StringFilter } from '../../kernel/pagination/filters';
import { InCalendarRange, IsMoney, NotBlank } from '../../kernel/validation';
import { UserFilter } from '../system/user.inputs';
import { AccountFilter } from './account.inputs';
import { ContactFilter } from './contact.inputs';
import { DealStage } from './deal.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Fields both create and update accept; all optional (null clears on update). */
@InputType()
class DealFields {
  @Field(() => ID, { nullable: true, description: 'Main contact; must work at the deal’s account. Null clears.' })
  @IsOptional()
  primaryContactId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Chance of winning, 0–100.' })
  @IsOptional() @IsInt() @Min(0) @Max(100)
  probability?: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Expected close date.' })
  @IsOptional() @Matches(DATE, { message: 'must be a date (YYYY-MM-DD)' }) @InCalendarRange()
  expectedCloseDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owner; a new deal defaults to you. Only managers and admins may assign others, and only to active users whose role may own deals (ADMIN, SALES_MANAGER, SALES_REP).' })
  @IsOptional()
  ownerId?: string | null;
}

@InputType({ description: 'A new deal; it starts in an open stage (PROSPECTING by default).' })
export class CreateDealInput extends DealFields {
  @Field({ description: 'What is being sold.' })
  @IsString() @Length(1, 200, { message: 'must be 1 to 200 characters' }) @NotBlank()
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
  @IsOptional() @IsString() @Length(1, 200, { message: 'must be 1 to 200 characters' }) @NotBlank()
  name?: string;

  @Field(() => ID, { nullable: true, description: 'The account.' })
  @IsOptional() @IsString()
  accountId?: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Expected value, ≥ 0 with at most 2 decimals.' })
  @IsOptional() @IsMoney()
  amount?: string;
}

export const DealStageFilter = EnumFilter(DealStage, 'DealStage');

@InputType({ description: 'Conditions on deals. Trashed deals are left out unless `deletedAt` is filtered.' })
export class DealFilter {
  @Field(() => [DealFilter], { nullable: true, description: 'All of these.' }) and?: DealFilter[];
  @Field(() => [DealFilter], { nullable: true, description: 'Any of these.' }) or?: DealFilter[];
  @Field(() => DealFilter, { nullable: true, description: 'Not this.' }) not?: DealFilter;
  @Field(() => IDFilter, { nullable: true, description: 'Identifier.' }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Name.' }) name?: StringFilter;
  @Field(() => DealStageFilter, { nullable: true, description: 'Stage.' }) stage?: unknown;
  @Field(() => MoneyFilter, { nullable: true, description: 'Amount.' }) amount?: InstanceType<typeof MoneyFilter>;
  @Field(() => IntFilter, { nullable: true, description: 'Probability.' }) probability?: InstanceType<typeof IntFilter>;
  @Field(() => DateFilter, { nullable: true, description: 'Expected close date.' }) expectedCloseDate?: InstanceType<typeof DateFilter>;
  @Field(() => DateTimeFilter, { nullable: true, description: 'Closed at.' }) closedAt?: InstanceType<typeof DateTimeFilter>;
  @Field(() => DateTimeFilter, { nullable: true, description: 'Created.' }) createdAt?: InstanceType<typeof DateTimeFilter>;
  @Field(() => DateTimeFilter, { nullable: true, description: 'Last changed.' }) updatedAt?: InstanceType<typeof DateTimeFilter>;
  @Field(() => DateTimeFilter, { nullable: true, description: 'Trashed at; `{ isNull: false }` lists the trash.' }) deletedAt?: InstanceType<typeof DateTimeFilter>;
  @Field(() => AccountFilter, { nullable: true, description: 'The account.' }) account?: AccountFilter;
  @Field(() => ContactFilter, { nullable: true, description: 'The primary contact.' }) primaryContact?: ContactFilter;
  @Field(() => UserFilter, { nullable: true, description: 'Owner.' }) owner?: UserFilter;
}

export enum DealSortField {
  NAME = 'NAME',
  AMOUNT = 'AMOUNT',
  STAGE = 'STAGE',
  PROBABILITY = 'PROBABILITY',
  EXPECTED_CLOSE_DATE = 'EXPECTED_CLOSE_DATE',
  CLOSED_AT = 'CLOSED_AT',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(DealSortField, { name: 'DealSortField', description: 'Fields deals can be sorted by.' });

@InputType({ description: 'A sort key for deals.' })
export class DealOrderBy {
  @Field(() => DealSortField, { description: 'Field.' }) field!: DealSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' }) direction!: SortDirection;
}

@ArgsType()
export class DealListArgs extends PageArgsInput {
  @Field(() => DealFilter, { nullable: true, description: 'Conditions.' }) filter?: DealFilter;
  @Field(() => [DealOrderBy], { nullable: true, description: 'Sort keys (default: newest first); the id always breaks ties.' }) orderBy?: DealOrderBy[];
}
