import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OwnedEntity } from '../../kernel/entity/base.entity';
import { badInput } from '../../kernel/errors/errors';
import { MoneyScalar } from '../../kernel/money';
import { SortDirection } from '../../kernel/pagination/filters';
import { Filterable, Sortable } from '../../kernel/records/list-inputs';
import { defineRecord, type RecordKind } from '../../kernel/records/record-kind';
import { optional, Values } from '../../kernel/records/record.service';
import { normalizeEmail, normalizeMoney, normalizePhone } from '../../kernel/validation';
import { User } from '../system';
import { accountPolicy } from './account.policy';
import { CreateAccountInput, UpdateAccountInput } from './account.inputs';

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
  @Filterable('Name.')
  @Sortable()
  @Column('text')
  name!: string;

  @Field(() => String, { nullable: true, description: 'Industry or trade.' })
  @Filterable('Industry.')
  @Sortable()
  @Index()
  @Column('text', { nullable: true })
  industry!: string | null;

  @Field(() => String, { nullable: true, description: 'Website URL.' })
  @Filterable('Website.')
  @Index()
  @Column('text', { nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true, description: 'Main phone in E.164.' })
  @Filterable('Phone (E.164).')
  @Index()
  @Column('text', { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Main email (lower-cased).' })
  @Filterable('Email.')
  @Index()
  @Column('text', { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Billing address, free-form lines.' })
  @Column('text', { nullable: true })
  billingAddress!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Credit limit. Visible to ADMIN, SALES_MANAGER and ACCOUNTANT.' })
  @Filterable('Credit limit (ADMIN, SALES_MANAGER, ACCOUNTANT).')
  @Sortable()
  @Index()
  @Column('numeric', { precision: 14, scale: 2, nullable: true })
  creditLimit!: string | null;

  @Filterable('Owner.')
  @ManyToOne(() => User)
  @JoinColumn({ name: 'ownerId' })
  owner?: User;
}

/** Column values from a validated input: undefined = unchanged, null = cleared. */
function accountValues(input: CreateAccountInput | UpdateAccountInput): Values {
  return {
    name: input.name?.trim(),
    industry: optional(input.industry, (v) => v.trim()),
    website: optional(input.website, (v) => v.trim()),
    phone: optional(input.phone, normalizePhone),
    email: optional(input.email, normalizeEmail),
    billingAddress: optional(input.billingAddress, (v) => v.trim()),
    creditLimit: optional(input.creditLimit, normalizeMoney),
  };
}

export const accounts: RecordKind<Account, CreateAccountInput, UpdateAccountInput> = defineRecord<Account, CreateAccountInput, UpdateAccountInput>({
  entity: Account,
  noun: 'an account',
  plural: 'accounts',
  policy: accountPolicy,
  capabilities: {
    owned: true,
    trash: true,
    batch: true,
    timeline: true,
    search: { type: 'ACCOUNT', columns: ['name', 'industry', 'email', 'website'], weighted: ['name'] },
  },
  inputs: { create: CreateAccountInput, update: UpdateAccountInput },
  logged: ['name', 'industry', 'website', 'phone', 'email', 'billingAddress', 'creditLimit', 'ownerId'],
  defaultOrder: [{ field: 'CREATED_AT', direction: SortDirection.DESC }],
  label: (a) => a.name,
  prepareCreate: async (_ctx, _uow, input) => ({ values: accountValues(input) }),
  prepareUpdate: async (_ctx, _uow, _before, input, path) => {
    if (input.name === null) throw badInput([...path, 'name'], 'cannot be cleared');
    return { values: accountValues(input) };
  },
});
