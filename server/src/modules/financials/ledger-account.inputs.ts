import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NotBlank } from '../../kernel/validation';
import { LedgerAccountType } from './ledger-account-type';

const CODE = /^[0-9]{3,10}$/;
const CODE_MESSAGE = 'must be 3 to 10 digits';

@InputType({ description: 'A new ledger account.' })
export class CreateLedgerAccountInput {
  @Field({ description: 'Account number, 3 to 10 digits, unique in the chart (e.g. "1000").' })
  @IsString()
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @Field({ description: 'Name, e.g. "Checking account".' })
  @IsString()
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  @NotBlank()
  name!: string;

  @Field(() => LedgerAccountType, { description: 'Where it sits: asset, liability, equity, revenue or expense.' })
  type!: LedgerAccountType;

  @Field(() => ID, { nullable: true, description: 'The account it is grouped under: one of the same type.' })
  @IsOptional()
  parentId?: string | null;
}

@InputType({ description: 'Changes to a ledger account; omitted fields stay as they are.' })
export class UpdateLedgerAccountInput {
  @Field({ nullable: true, description: 'Account number, 3 to 10 digits, unique in the chart.' })
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: CODE_MESSAGE })
  code?: string;

  @Field({ nullable: true, description: 'Name.' })
  @IsOptional()
  @IsString()
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  @NotBlank()
  name?: string;

  @Field(() => LedgerAccountType, { nullable: true, description: 'Type; a system account keeps its own.' })
  @IsOptional()
  type?: LedgerAccountType;

  @Field(() => ID, { nullable: true, description: 'The account it is grouped under (same type); null makes it top-level.' })
  @IsOptional()
  parentId?: string | null;

  @Field({ nullable: true, description: 'false retires the account from new postings; a system account stays active.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
