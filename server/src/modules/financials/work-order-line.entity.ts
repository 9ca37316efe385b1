import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MoneyScalar } from '../../kernel/money';
import { WorkOrder } from './work-order.entity';

/** A line of a work order: work or parts, priced by the office (a dispatcher leaves prices out). */
@ObjectType({ description: 'A line of a work order: quantity of work or parts, with its price once the office sets it.', simpleResolvers: true })
@Entity('work_order_lines')
@Index(['workOrderId', 'position'], { unique: true })
export class WorkOrderLine {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  workOrderId!: string;

  @ManyToOne(() => WorkOrder)
  @JoinColumn({ name: 'workOrderId' })
  workOrder?: WorkOrder;

  @Column('int')
  position!: number;

  @Field({ description: 'What is to be done or fitted.' })
  @Column('text')
  description!: string;

  @Field({ description: 'Quantity, a decimal string with at most 3 decimals.' })
  @Column('numeric', { precision: 12, scale: 3 })
  quantity!: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Price of one unit; null until priced.' })
  @Column('numeric', { precision: 14, scale: 2, nullable: true })
  unitPrice!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'quantity × unitPrice rounded half up to the cent; null until priced.' })
  @Column('numeric', { precision: 14, scale: 2, nullable: true })
  amount!: string | null;
}
