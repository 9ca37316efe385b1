import { ArrayMaxSize, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { MoneyScalar } from '../../kernel/money';
import { IsMoney, NotBlank, Satisfies } from '../../kernel/validation';
import { isQuantity } from './invoice-amounts';

export const MAX_WORK_ORDER_LINES = 200;

@InputType({ description: 'A line of a work order.' })
export class WorkOrderLineInput {
  @Field({ description: 'What is to be done or fitted.' })
  @IsString()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  @NotBlank()
  description!: string;

  @Field({ description: 'Quantity above zero with at most 3 decimals.' })
  @Satisfies(isQuantity, 'must be a quantity above zero with at most 3 decimals, e.g. "1.5"')
  quantity!: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Price of one unit (≥ 0, 2 decimals); only ADMIN and ACCOUNTANT set prices.' })
  @IsOptional()
  @IsMoney()
  unitPrice?: string | null;
}

@InputType({ description: 'A new work order.' })
export class CreateWorkOrderInput {
  @Field(() => ID, { description: 'The customer account.' })
  @IsString()
  accountId!: string;

  @Field(() => ID, { nullable: true, description: 'The person on site (a contact of that account).' })
  @IsOptional()
  @IsString()
  contactId?: string | null;

  @Field({ description: 'What the job is.' })
  @IsString()
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  @NotBlank()
  description!: string;

  @Field(() => [WorkOrderLineInput], { defaultValue: [], description: `Its lines (at most ${MAX_WORK_ORDER_LINES}).` })
  @ArrayMaxSize(MAX_WORK_ORDER_LINES, { message: `must have at most ${MAX_WORK_ORDER_LINES} lines` })
  @ValidateNested({ each: true })
  lines!: WorkOrderLineInput[];
}

@InputType({ description: 'Changes to an open work order; omitted fields stay as they are, given lines replace all lines.' })
export class UpdateWorkOrderInput {
  @Field(() => ID, { nullable: true, description: 'The customer account.' })
  @IsOptional()
  @IsString()
  accountId?: string;

  @Field(() => ID, { nullable: true, description: 'The person on site; null clears it.' })
  @IsOptional()
  @IsString()
  contactId?: string | null;

  @Field({ nullable: true, description: 'What the job is.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  @NotBlank()
  description?: string;

  @Field(() => [WorkOrderLineInput], {
    nullable: true,
    description:
      'All its lines. A line given without a price keeps the price of the line it replaces (same place, same description); ADMIN and ACCOUNTANT clear a price with `unitPrice: null`.',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_WORK_ORDER_LINES, { message: `must have at most ${MAX_WORK_ORDER_LINES} lines` })
  @ValidateNested({ each: true })
  lines?: WorkOrderLineInput[];
}
