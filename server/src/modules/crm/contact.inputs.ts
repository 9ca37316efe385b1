import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsEmailAddress, IsPhone, NotBlank } from '../../kernel/validation';

/** Fields both create and update accept; all optional (null clears on update). */
@InputType()
class ContactFields {
  @Field(() => String, { nullable: true, description: 'Email; stored lower-cased.' })
  @IsOptional()
  @IsEmailAddress()
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone; stored in E.164.' })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'The account the contact works at; null detaches it.' })
  @IsOptional()
  accountId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Owner; a new contact defaults to you. Only managers and admins may assign others, and only to active users whose role may own contacts (ADMIN, SALES_MANAGER, SALES_REP).',
  })
  @IsOptional()
  ownerId?: string | null;
}

@InputType({ description: 'A new contact.' })
export class CreateContactInput extends ContactFields {
  @Field({ description: 'Given name.' })
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  @NotBlank()
  firstName!: string;

  @Field({ description: 'Family name.' })
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  @NotBlank()
  lastName!: string;
}

@InputType({ description: 'Changes to a contact; omitted fields stay as they are, null clears.' })
export class UpdateContactInput extends ContactFields {
  @Field({ nullable: true, description: 'Given name.' })
  @IsOptional()
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  @NotBlank()
  firstName?: string;

  @Field({ nullable: true, description: 'Family name.' })
  @IsOptional()
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  @NotBlank()
  lastName?: string;
}
