import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OwnedEntity } from '../../kernel/entity/base.entity';
import { MoneyScalar } from '../../kernel/money';
import { User } from '../system/user.entity';
import { Account } from './account.entity';
import { Contact } from './contact.entity';

export enum DealStage {
  PROSPECTING = 'PROSPECTING',
  QUALIFICATION = 'QUALIFICATION',
  PROPOSAL = 'PROPOSAL',
  NEGOTIATION = 'NEGOTIATION',
  CLOSED_WON = 'CLOSED_WON',
  CLOSED_LOST = 'CLOSED_LOST',
}
registerEnumType(DealStage, { name: 'DealStage', description: 'Pipeline stage; the first four are open.' });

export const OPEN_STAGES: readonly DealStage[] = [
  DealStage.PROSPECTING,
  DealStage.QUALIFICATION,
  DealStage.PROPOSAL,
  DealStage.NEGOTIATION,
];
export const isOpenStage = (s: DealStage) => OPEN_STAGES.includes(s);

@ObjectType({ description: 'A sales opportunity moving through the pipeline.', simpleResolvers: true })
@Entity('deals')
@Index(['ownerId', 'createdAt'])
@Index(['name', 'id'])
@Index(['amount', 'id'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
@Index(['expectedCloseDate', 'id'])
@Index(['closedAt', 'id'])
@Index('deals_search_idx', { synchronize: false })
@Index('deals_deleted_idx', ['deletedAt'])
@Index('deals_name_trgm_idx', { synchronize: false })
export class Deal extends OwnedEntity {
  @Field({ description: 'What is being sold.' })
  @Column('text')
  name!: string;

  @Index()
  @Column('uuid')
  accountId!: string;

  @ManyToOne(() => Account)
  @JoinColumn({ name: 'accountId' })
  account?: Account;

  @Index()
  @Column('uuid', { nullable: true })
  primaryContactId!: string | null;

  @ManyToOne(() => Contact)
  @JoinColumn({ name: 'primaryContactId' })
  primaryContact?: Contact;

  @Field(() => DealStage, { description: 'Current stage.' })
  @Index()
  @Column('enum', { enum: DealStage, enumName: 'deal_stage' })
  stage!: DealStage;

  @Field(() => MoneyScalar, { description: 'Expected value.' })
  @Column('numeric', { precision: 14, scale: 2, default: 0 })
  amount!: string;

  @Field(() => Int, { nullable: true, description: 'Chance of winning, 0–100.' })
  @Index()
  @Column('int', { nullable: true })
  probability!: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Expected close date.' })
  @Column('date', { nullable: true })
  expectedCloseDate!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the deal was won or lost; null while open.' })
  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the deal was lost (set with CLOSED_LOST).' })
  @Column('text', { nullable: true })
  lostReason!: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'ownerId' })
  owner?: User;
}
