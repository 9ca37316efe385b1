import { IsDate, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PageArgsInput } from '../../kernel/pagination/connection.types';
import { DateTimeFilter, EnumFilter, IDFilter, SortDirection, StringFilter } from '../../kernel/pagination/filters';
import { InCalendarRange, NotBlank } from '../../kernel/validation';
import { UserFilter } from '../system/user.inputs';
import { ContactFilter } from './contact.inputs';
import { DealFilter } from './deal.inputs';
import { InteractionType } from './interaction.entity';

/** Fields both create and update accept; all optional (null clears on update). */
@InputType()
class InteractionFields {
  @Field(() => String, { nullable: true, description: 'Full text.' })
  @IsOptional() @IsString() @MaxLength(20000)
  body?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it happened; a new interaction defaults to now.' })
  @IsOptional() @IsDate() @InCalendarRange()
  occurredAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'The deal it was about; null clears.' })
  @IsOptional()
  dealId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Owner; a new interaction defaults to you. Only managers and admins may assign others, and only to active users whose role may own interactions (ADMIN, SALES_MANAGER, SALES_REP).' })
  @IsOptional()
  ownerId?: string | null;
}

@InputType({ description: 'A new interaction with a contact.' })
export class CreateInteractionInput extends InteractionFields {
  @Field(() => InteractionType, { description: 'Kind.' })
  @IsEnum(InteractionType)
  type!: InteractionType;

  @Field({ description: 'Short summary.' })
  @IsString() @Length(1, 300, { message: 'must be 1 to 300 characters' }) @NotBlank()
  subject!: string;

  @Field(() => ID, { description: 'The contact.' })
  @IsString()
  contactId!: string;
}

@InputType({ description: 'Changes to an interaction; omitted fields stay as they are, null clears. On an SMS sent with `sendSms`, type, body, contactId and occurredAt cannot change; no interaction can be changed into an SMS.' })
export class UpdateInteractionInput extends InteractionFields {
  @Field(() => InteractionType, { nullable: true, description: 'Kind.' })
  @IsOptional() @IsEnum(InteractionType)
  type?: InteractionType;

  @Field({ nullable: true, description: 'Short summary.' })
  @IsOptional() @IsString() @Length(1, 300, { message: 'must be 1 to 300 characters' }) @NotBlank()
  subject?: string;

  @Field(() => ID, { nullable: true, description: 'The contact.' })
  @IsOptional() @IsString()
  contactId?: string;
}

export const InteractionTypeFilter = EnumFilter(InteractionType, 'InteractionType');

@InputType({ description: 'Conditions on interactions. Trashed ones are left out unless `deletedAt` is filtered.' })
export class InteractionFilter {
  @Field(() => [InteractionFilter], { nullable: true, description: 'All of these.' }) and?: InteractionFilter[];
  @Field(() => [InteractionFilter], { nullable: true, description: 'Any of these.' }) or?: InteractionFilter[];
  @Field(() => InteractionFilter, { nullable: true, description: 'Not this.' }) not?: InteractionFilter;
  @Field(() => IDFilter, { nullable: true, description: 'Identifier.' }) id?: IDFilter;
  @Field(() => InteractionTypeFilter, { nullable: true, description: 'Kind.' }) type?: unknown;
  @Field(() => StringFilter, { nullable: true, description: 'Subject.' }) subject?: StringFilter;
  @Field(() => DateTimeFilter, { nullable: true, description: 'When it happened.' }) occurredAt?: InstanceType<typeof DateTimeFilter>;
  @Field(() => DateTimeFilter, { nullable: true, description: 'Created.' }) createdAt?: InstanceType<typeof DateTimeFilter>;
  @Field(() => DateTimeFilter, { nullable: true, description: 'Last changed.' }) updatedAt?: InstanceType<typeof DateTimeFilter>;
  @Field(() => DateTimeFilter, { nullable: true, description: 'Trashed at; `{ isNull: false }` lists the trash.' }) deletedAt?: InstanceType<typeof DateTimeFilter>;
  @Field(() => ContactFilter, { nullable: true, description: 'The contact.' }) contact?: ContactFilter;
  @Field(() => DealFilter, { nullable: true, description: 'The deal.' }) deal?: DealFilter;
  @Field(() => UserFilter, { nullable: true, description: 'Owner.' }) owner?: UserFilter;
}

export enum InteractionSortField {
  OCCURRED_AT = 'OCCURRED_AT',
  TYPE = 'TYPE',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(InteractionSortField, { name: 'InteractionSortField', description: 'Fields interactions can be sorted by.' });

@InputType({ description: 'A sort key for interactions.' })
export class InteractionOrderBy {
  @Field(() => InteractionSortField, { description: 'Field.' }) field!: InteractionSortField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' }) direction!: SortDirection;
}

@ArgsType()
export class InteractionListArgs extends PageArgsInput {
  @Field(() => InteractionFilter, { nullable: true, description: 'Conditions.' }) filter?: InteractionFilter;
  @Field(() => [InteractionOrderBy], { nullable: true, description: 'Sort keys (default: latest first); the id always breaks ties.' }) orderBy?: InteractionOrderBy[];
}
