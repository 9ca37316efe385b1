import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OwnedEntity } from '../../kernel/entity/base.entity';
import { MoneyScalar } from '../../kernel/money';
import { User } from '../system/user.entity';

@ObjectType({ description: 'A customer company or household.', simpleResolvers: true })
@Entity('accounts')
@Index(['ownerId', 'createdAt'])
@Index(['name', 'id'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
@Index('accounts_search_idx', { synchronize: false })
@Index('accounts_name_trgm_idx', { synchronize: false })
@Index('accounts_deleted_idx', ['deletedAt'])
export class Account extends OwnedEntity {
  @Field({ description: 'Company name.' })
  @Column('text')
  name!: string;

  @Field(() => String, { nullable: true, description: 'Industry or trade.' })
  @Index()
  @Column('text', { nullable: true })
  industry!: string | null;

  @Field(() => String, { nullable: true, description: 'Website URL.' })
  @Index()
  @Column('text', { nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true, description: 'Main phone in E.164.' })
  @Index()
  @Column('text', { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Main email (lower-cased).' })
  @Index()
  @Column('text', { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Billing address, free-form lines.' })
  @Column('text', { nullable: true })
  billingAddress!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Credit limit. Visible to ADMIN, SALES_MANAGER and ACCOUNTANT.' })
  @Index()
  @Column('numeric', { precision: 14, scale: 2, nullable: true })
  creditLimit!: string | null;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'ownerId' })
  owner?: User;
}
