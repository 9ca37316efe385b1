import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OwnedEntity } from '../../kernel/entity/base.entity';
import { badInput } from '../../kernel/errors/errors';
import { SortDirection } from '../../kernel/pagination/filters';
import { Filterable, Sortable } from '../../kernel/records/list-inputs';
import { defineRecord, type RecordKind } from '../../kernel/records/record-kind';
import { optional, Values } from '../../kernel/records/record.service';
import { normalizeEmail, normalizePhone } from '../../kernel/validation';
import { User } from '../system';
import { Account, accounts } from './account.entity';
import { contactPolicy } from './contact.policy';
import { CreateContactInput, UpdateContactInput } from './contact.inputs';

@ObjectType({ description: 'A person at an account.', simpleResolvers: true })
@Entity('contacts')
@Index(['ownerId', 'createdAt'])
@Index(['lastName', 'id'])
@Index(['firstName', 'id'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
@Index('contacts_search_idx', { synchronize: false })
@Index('contacts_deleted_idx', ['deletedAt'])
@Index('contacts_name_trgm_idx', { synchronize: false })
export class Contact extends OwnedEntity {
  @Field({ description: 'Given name.' })
  @Filterable('Given name.')
  @Sortable()
  @Column('text')
  firstName!: string;

  @Field({ description: 'Family name.' })
  @Filterable('Family name.')
  @Sortable()
  @Column('text')
  lastName!: string;

  @Field(() => String, { nullable: true, description: 'Email (lower-cased).' })
  @Filterable('Email.')
  @Sortable()
  @Index()
  @Column('text', { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'Phone in E.164.' })
  @Filterable('Phone (E.164).')
  @Index()
  @Column('text', { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  @Filterable('Job title.')
  @Index()
  @Column('text', { nullable: true })
  title!: string | null;

  @Index()
  @Column('uuid', { nullable: true })
  accountId!: string | null;

  @Filterable('The account.')
  @ManyToOne(() => Account)
  @JoinColumn({ name: 'accountId' })
  account?: Account;

  @Filterable('Owner.')
  @ManyToOne(() => User)
  @JoinColumn({ name: 'ownerId' })
  owner?: User;
}

function contactValues(input: CreateContactInput | UpdateContactInput): Values {
  return {
    firstName: input.firstName?.trim(),
    lastName: input.lastName?.trim(),
    email: optional(input.email, normalizeEmail),
    phone: optional(input.phone, normalizePhone),
    title: optional(input.title, (v) => v.trim()),
  };
}

export const contacts: RecordKind<Contact, CreateContactInput, UpdateContactInput> = defineRecord<Contact, CreateContactInput, UpdateContactInput>({
  entity: Contact,
  noun: 'a contact',
  plural: 'contacts',
  policy: contactPolicy,
  capabilities: {
    owned: true,
    trash: true,
    batch: true,
    timeline: true,
    search: { type: 'CONTACT', columns: ['firstName', 'lastName', 'email', 'title'], weighted: ['firstName', 'lastName'] },
  },
  inputs: { create: CreateContactInput, update: UpdateContactInput },
  references: {
    account: {
      to: () => accounts,
      via: 'accountId',
      description: 'The account (also when trashed: see its deletedAt); null when none or not visible.',
      inverse: { name: 'contacts', description: 'Contacts at this account that you may see.' },
    },
  },
  logged: ['firstName', 'lastName', 'email', 'phone', 'title', 'accountId', 'ownerId'],
  defaultOrder: [{ field: 'CREATED_AT', direction: SortDirection.DESC }],
  label: (c) => `${c.firstName} ${c.lastName}`,
  prepareCreate: async (ctx, uow, input, path) => {
    if (input.accountId != null) await contacts.service.requireVisible(ctx, uow, accounts, input.accountId, [...path, 'accountId']);
    return { values: { ...contactValues(input), accountId: input.accountId ?? null } };
  },
  prepareUpdate: async (ctx, uow, _before, input, path) => {
    for (const f of ['firstName', 'lastName'] as const) if (input[f] === null) throw badInput([...path, f], 'cannot be cleared');
    if (input.accountId != null) await contacts.service.requireVisible(ctx, uow, accounts, input.accountId, [...path, 'accountId']);
    return { values: { ...contactValues(input), accountId: input.accountId } };
  },
});
