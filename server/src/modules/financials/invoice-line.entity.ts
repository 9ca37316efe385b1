import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MoneyScalar } from '../../kernel/money';
import { Invoice } from './invoice.entity';

/** A line of an invoice; it belongs to the invoice and, once issued, never changes. */
@ObjectType({ description: 'A line of an invoice: quantity × unit price.', simpleResolvers: true })
@Entity('invoice_lines')
@Index(['invoiceId', 'position'], { unique: true })
export class InvoiceLine {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  invoiceId!: string;

  @ManyToOne(() => Invoice)
  @JoinColumn({ name: 'invoiceId' })
  invoice?: Invoice;

  @Column('int')
  position!: number;

  @Field({ description: 'What was done or sold.' })
  @Column('text')
  description!: string;

  @Field({ description: 'Quantity, a decimal string with at most 3 decimals (e.g. "1.5" hours).' })
  @Column('numeric', { precision: 12, scale: 3 })
  quantity!: string;

  @Field(() => MoneyScalar, { description: 'Price of one unit.' })
  @Column('numeric', { precision: 14, scale: 2 })
  unitPrice!: string;

  @Field(() => MoneyScalar, { description: 'quantity × unitPrice, rounded half up to the cent.' })
  @Column('numeric', { precision: 14, scale: 2 })
  amount!: string;
}
