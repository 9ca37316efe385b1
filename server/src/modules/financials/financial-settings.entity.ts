import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { DateScalar } from '../../kernel/calendar-date';
import { BaseEntity } from '../../kernel/entity/base.entity';
import { financialPolicy } from './ledger-account.policy';

/** The books' settings: one row, created by the migration that created the table. */
@ObjectType({ description: 'Settings of the books.', simpleResolvers: true })
@Entity('financial_settings')
export class FinancialSettings extends BaseEntity {
  @Field(() => DateScalar, { nullable: true, description: 'Periods on or before it are closed: nothing posts or reverses on or before it. Null: none closed.' })
  @Column('date', { nullable: true })
  lockDate!: string | null;
}

export const SETTINGS_ID = '00000000-0000-4000-8000-000000000001';

export const financialSettingsPolicy = financialPolicy('FinancialSettings');
