import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PageArgsInput } from '../../kernel/pagination/connection.types';
import { DateTimeFilter, IDFilter, SortDirection, StringFilter } from '../../kernel/pagination/filters';
import { IsEmailAddress, IsPhone, NotBlank } from '../../kernel/validation';
import { UserFilter } from '../system/user.inputs';
import { AccountFilter } from './account.inputs';

/** Fields both create and update accept; all optional (null clears on update). */
@InputType()
class ContactFields {
  @Field(() => String, { nullable: true, description: 'Email; stored lower-cased.' })
  @IsOptional() @IsEmailAddress()
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone; stored in E.164.' })
  @IsOptional() @IsPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  @IsOptional() @IsString() @MaxLength(200)
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'The account the contact works at; null detaches it.' })
  @IsOptional()
  accountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owner; a new contact defaults to you. Only managers and admins may assign others, and only to active users whose role may own contacts (ADMIN, SALES_MANAGER, SALES_REP).' })
  @IsOptional()
  ownerId?: string | null;
}

@InputType({ description: 'A new contact.' })
export class CreateContactInput extends ContactFields {
  @Field({ description: 'Given name.' })
  @IsString() @Length(1, 100, { message: 'must be 1 to 100 characters' }) @NotBlank()
  firstName!: string;

  @Field({ description: 'Family name.' })
  @IsString() @Length(1, 100, { message: 'must be 1 to 100 characters' }) @NotBlank()
  lastName!: string;
}

@InputType({ description: 'Changes to a contact; omitted fields stay as they are, null clears.' })
export class UpdateContactInput extends ContactFields {
  @Field({ nullable: true, description: 'Given name.' })
  @IsOptional() @IsString() @Length(1, 100, { message: 'must be 1 to 100 characters' }) @NotBlank()
  firstName?: string;

  @Field({ nullable: true, description: 'Family name.' })
  @IsOptional() @IsString() @Length(1, 100, { message: 'must be 1 to 100 characters' }) @NotBlank()
  lastName?: string;
}

@InputType({ description: 'Conditions on contacts. Trashed contacts are left out unless `deletedAt` is filtered.' })
export class ContactFilter {
  @Field(() => [ContactFilter], { nullable: true, description: 'All of these.' }) and?: ContactFilter[];
  @Field(() => [ContactFilter], { nullable: true, description: 'Any of these.' }) or?: ContactFilter[];
  @Field(() => ContactFilter, { nullable: true, description: 'Not this.' }) not?: ContactFilter;
  @Field(() => IDFilter, { nullable: true, description: 'Identifier.' }) id?: IDFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Given name.' }) firstName?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Family name.' }) lastName?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Email.' }) email?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Phone (E.164).' }) phone?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: 'Job title.' }) title?: StringFilter;
  @Field(() => DateTimeFilter, { nullable: true, description: 'Created.' }) createdAt?: InstanceType<typeof DateTimeFilter>;
  @Field(() => DateTimeFilter, { nullable: true, description: 'Last changed.' }) updatedAt?: InstanceType<typeof DateTimeFilter>;
  @Field(() => DateTimeFilter, { nullable: true, description: 'Trashed at; `{ isNull: false }` lists the trash.' }) deletedAt?: InstanceType<typeof DateTimeFilter>;
  @Field(() => AccountFilter, { nullable: true, description: 'The account.' }) account?: AccountFilter;
  @Field(() => UserFilter, { nullable: true, description: 'Owner.' }) owner?: UserFilter;
}

export enum ContactSortField {
  FIRST_NAME = 'FIRST_NAME',
  LAST_NAME = 'LAST_NAME',
  EMAIL = 'EMAIL',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ContactSortField, { name: 'ContactSortField', description: 'Fields contacts can be sorted by.' });

@InputType({ description: 'A sort key for contacts.' })
export class ContactOrderBy {
  @Field(() => ContactSortField, { description: 'Field.' }) field!: ContactSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' }) direction!: SortDirection;
}

@ArgsType()
export class ContactListArgs extends PageArgsInput {
  @Field(() => ContactFilter, { nullable: true, description: 'Conditions.' }) filter?: ContactFilter;
  @Field(() => [ContactOrderBy], { nullable: true, description: 'Sort keys (default: newest first); the id always breaks ties.' }) orderBy?: ContactOrderBy[];
}
