import { ArrayMaxSize, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../kernel/calendar-date';
import { MoneyScalar } from '../../kernel/money';
import { InCalendarRange, IsMoney, NotBlank, Satisfies } from '../../kernel/validation';
import { isQuantity, isTaxRate } from './invoice-amounts';
import { PaymentMethod } from './financial.types';

export const MAX_INVOICE_LINES = 200;

@InputType({ description: 'A line of an invoice.' })
export class InvoiceLineInput {
  @Field({ description: 'What was done or sold.' })
  @IsString()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  @NotBlank()
  description!: string;

  @Field({ description: 'Quantity above zero with at most 3 decimals, e.g. "1.5".' })
  @Satisfies(isQuantity, 'must be a quantity above zero with at most 3 decimals, e.g. "1.5"')
  quantity!: string;

  @Field(() => MoneyScalar, { description: 'Price of one unit, ≥ 0 with at most 2 decimals.' })
  @IsMoney()
  unitPrice!: string;
}

@InputType({ description: 'A new invoice, saved as a draft.' })
export class CreateInvoiceInput {
  @Field(() => ID, { description: 'The account billed.' })
  @IsString()
  accountId!: string;

  @Field(() => ID, { nullable: true, description: 'The COMPLETED work order it bills (of the same account); it turns INVOICED when the invoice is issued.' })
  @IsOptional()
  @IsString()
  workOrderId?: string | null;

  @Field(() => DateScalar, { description: 'When payment is due.' })
  @InCalendarRange()
  dueDate!: string;

  @Field({ defaultValue: '0', description: 'Sales tax in percent, 0 to 100 with at most 3 decimals (e.g. "8.25").' })
  @Satisfies(isTaxRate, 'must be a percentage from 0 to 100 with at most 3 decimals, e.g. "8.25"')
  taxRate!: string;

  @Field(() => [InvoiceLineInput], { description: `Its lines, in order (at most ${MAX_INVOICE_LINES}).` })
  @ArrayMaxSize(MAX_INVOICE_LINES, { message: `must have at most ${MAX_INVOICE_LINES} lines` })
  @ValidateNested({ each: true })
  lines!: InvoiceLineInput[];
}

@InputType({ description: 'Changes to a draft invoice; omitted fields stay as they are, given lines replace all lines.' })
export class UpdateInvoiceInput {
  @Field(() => ID, { nullable: true, description: 'The account billed.' })
  @IsOptional()
  @IsString()
  accountId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'When payment is due.' })
  @IsOptional()
  @InCalendarRange()
  dueDate?: string;

  @Field({ nullable: true, description: 'Sales tax in percent, 0 to 100 with at most 3 decimals.' })
  @IsOptional()
  @Satisfies(isTaxRate, 'must be a percentage from 0 to 100 with at most 3 decimals, e.g. "8.25"')
  taxRate?: string;

  @Field(() => [InvoiceLineInput], { nullable: true, description: `All its lines, in order (at most ${MAX_INVOICE_LINES}).` })
  @IsOptional()
  @ArrayMaxSize(MAX_INVOICE_LINES, { message: `must have at most ${MAX_INVOICE_LINES} lines` })
  @ValidateNested({ each: true })
  lines?: InvoiceLineInput[];
}

@InputType({ description: 'A payment received against an issued invoice.' })
export class RecordPaymentInput {
  @Field(() => ID, { description: 'The invoice paid.' })
  @IsString()
  invoiceId!: string;

  @Field(() => MoneyScalar, { description: 'Amount above zero, at most the balance due, with at most 2 decimals.' })
  @IsMoney()
  amount!: string;

  @Field(() => DateScalar, { description: 'The day it was received (not before the invoice was issued).' })
  @InCalendarRange()
  date!: string;

  @Field(() => PaymentMethod, { description: 'How it was paid.' })
  method!: PaymentMethod;

  @Field(() => String, { nullable: true, description: 'Check number, transfer reference, ...' })
  @IsOptional()
  @IsString()
  @Length(0, 200, { message: 'must be at most 200 characters' })
  reference?: string | null;
}
