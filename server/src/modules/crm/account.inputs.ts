import { IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MoneyScalar } from '../../kernel/money';
import { IsEmailAddress, IsMoney, IsPhone, NotBlank } from '../../kernel/validation';

/** Fields both create and update accept; all optional (null clears on update). */
@InputType()
class AccountFields {
  @Field(() => String, { nullable: true, description: 'Industry.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  industry?: string | null;

  @Field(() => String, { nullable: true, description: 'Website URL.' })
  @IsOptional()
  @IsUrl({ require_protocol: false }, { message: 'must be a web address, e.g. https://example.com' })
  @MaxLength(300)
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone; stored in E.164.' })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Email; stored lower-cased.' })
  @IsOptional()
  @IsEmailAddress()
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Billing address.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  billingAddress?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Credit limit, ≥ 0 with at most 2 decimals.' })
  @IsOptional()
  @IsMoney()
  creditLimit?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Owner; a new account defaults to you. Only managers and admins may assign others, and only to active users whose role may own accounts (ADMIN, SALES_MANAGER, SALES_REP).',
  })
  @IsOptional()
  ownerId?: string | null;
}

@InputType({ description: 'A new account.' })
export class CreateAccountInput extends AccountFields {
  @Field({ description: 'Company name.' })
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @NotBlank()
  name!: string;
}

@InputType({ description: 'Changes to an account; omitted fields stay as they are, null clears.' })
export class UpdateAccountInput extends AccountFields {
  @Field({ nullable: true, description: 'Company name.' })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  @NotBlank()
  name?: string;
}
