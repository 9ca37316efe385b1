import { IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../kernel/money';
import { PageArgsInput } from '../../kernel/pagination/connection.types';
import { DateTimeFilter, IDFilter, MoneyFilter, SortDirection, StringFilter } from '../../kernel/pagination/filters';
import { IsEmailAddress, IsMoney, IsPhone, NotBlank } from '../../kernel/validation';
import { UserFilter } from '../system/user.inputs';

/** Fields both create and update accept; all optional (null clears on update). */
@InputType()
class AccountFields {
  @Field(() => String, { nullable: true, description: 'Industry.' })
  @IsOptional() @IsString() @MaxLength(100)
  industry?: string | null;

  @Field(() => String, { nullable: true, description: 'Website URL.' })
  @IsOptional() @IsUrl({ require_protocol: false }, { message: 'must be a web address, e.g. https://example.com' }) @MaxLength(300)
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone; stored in E.164.' })
  @IsOptional() @IsPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Email; stored lower-cased.' })
  @IsOptional() @IsEmailAddress()
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Billing address.' })
  @IsOptional() @IsString() @MaxLength(1000)
  billingAddress?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Credit limit, ≥ 0 with at most 2 decimals.' })
  @IsOptional() @IsMoney()
  creditLimit?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owner; a new account defaults to you. Only managers and admins may assign others, and only to active users whose role may own accounts (ADMIN, SALES_MANAGER, SALES_REP).' })
  @IsOptional()
  ownerId?: string | null;
}

@InputType({ description: 'A new account.' })
export class CreateAccountInput extends AccountFields {
  @Field({ description: 'Company name.' })
  @IsString() @Length(1, 200, { message: 'must be 1 to 200 characters' }) @NotBlank()
  name!: string;
}

@InputType({ description: 'Changes to an account; omitted fields stay as they are, null clears.' })
export class UpdateAccountInput extends AccountFields {
  @Field({ nullable: true, description: 'Company name.' })
  @IsOptional() @IsString() @Length(1, 200, { message: 'must be 1 to 200 characters' }) @NotBlank()
  name?: string;
}

@InputType({ description: 'Conditions on accounts. Trashed accounts are left out unless `deletedAt` is filtered.' })
export class AccountFilter {
  @Field(() => [AccountFilter], { nullable: true, description: 'All of these.' }) and?: AccountFilter[];
  @Field(() => [AccountFilter], { nullable: true, description: 'Any of these.' }) or?: AccountFilter[];
  @Field(() => AccountFilter, { nullable: true, description: 'Not this.' }) not?: AccountFilter;
  @Field(() => IDFilter, { nullable: true, description: 'Identifier.' }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Name.' }) name?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Industry.' }) industry?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Website.' }) website?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Phone (E.164).' }) phone?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Email.' }) email?: StringFilter;
  @Field(() => MoneyFilter, { nullable: true, description: 'Credit limit (ADMIN, SALES_MANAGER, ACCOUNTANT).' }) creditLimit?: InstanceType<typeof MoneyFilter>;
  @Field(() => DateTimeFilter, { nullable: true, description: 'Created.' }) createdAt?: InstanceType<typeof DateTimeFilter>;
  @Field(() => DateTimeFilter, { nullable: true, description: 'Last changed.' }) updatedAt?: InstanceType<typeof DateTimeFilter>;
  @Field(() => DateTimeFilter, { nullable: true, description: 'Trashed at; `{ isNull: false }` lists the trash.' }) deletedAt?: InstanceType<typeof DateTimeFilter>;
  @Field(() => UserFilter, { nullable: true, description: 'Owner.' }) owner?: UserFilter;
}

export enum AccountSortField {
  NAME = 'NAME',
  INDUSTRY = 'INDUSTRY',
  CREDIT_LIMIT = 'CREDIT_LIMIT',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(AccountSortField, { name: 'AccountSortField', description: 'Fields accounts can be sorted by.' });

@InputType({ description: 'A sort key for accounts.' })
export class AccountOrderBy {
  @Field(() => AccountSortField, { description: 'Field.' }) field!: AccountSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' }) direction!: SortDirection;
}

@ArgsType()
export class AccountListArgs extends PageArgsInput {
  @Field(() => AccountFilter, { nullable: true, description: 'Conditions.' }) filter?: AccountFilter;
  @Field(() => [AccountOrderBy], { nullable: true, description: 'Sort keys (default: newest first); the id always breaks ties.' }) orderBy?: AccountOrderBy[];
}
