import { IsDate, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { InCalendarRange, NotBlank } from '../../kernel/validation';
import { InteractionType } from './interaction-type';

/** Fields both create and update accept; all optional (null clears on update). */
@InputType()
class InteractionFields {
  @Field(() => String, { nullable: true, description: 'Full text.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  body?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it happened; a new interaction defaults to now.' })
  @IsOptional()
  @IsDate()
  @InCalendarRange()
  occurredAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'The deal it was about; null clears.' })
  @IsOptional()
  dealId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Owner; a new interaction defaults to you. Only managers and admins may assign others, and only to active users whose role may own interactions (ADMIN, SALES_MANAGER, SALES_REP).',
  })
  @IsOptional()
  ownerId?: string | null;
}

@InputType({ description: 'A new interaction with a contact.' })
export class CreateInteractionInput extends InteractionFields {
  @Field(() => InteractionType, { description: 'Kind.' })
  @IsEnum(InteractionType)
  type!: InteractionType;

  @Field({ description: 'Short summary.' })
  @IsString()
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  @NotBlank()
  subject!: string;

  @Field(() => ID, { description: 'The contact.' })
  @IsString()
  contactId!: string;
}

@InputType({
  description:
    'Changes to an interaction; omitted fields stay as they are, null clears. On an SMS sent with `sendSms`, type, body, contactId and occurredAt cannot change; no interaction can be changed into an SMS.',
})
export class UpdateInteractionInput extends InteractionFields {
  @Field(() => InteractionType, { nullable: true, description: 'Kind.' })
  @IsOptional()
  @IsEnum(InteractionType)
  type?: InteractionType;

  @Field({ nullable: true, description: 'Short summary.' })
  @IsOptional()
  @IsString()
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  @NotBlank()
  subject?: string;

  @Field(() => ID, { nullable: true, description: 'The contact.' })
  @IsOptional()
  @IsString()
  contactId?: string;
}
