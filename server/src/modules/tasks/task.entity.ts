import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Context } from '../../kernel/context';
import { OwnedEntity } from '../../kernel/entity/base.entity';
import { badInput } from '../../kernel/errors/errors';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';
import { SortDirection } from '../../kernel/pagination/filters';
import { Filterable, Sortable } from '../../kernel/records/list-inputs';
import { defineRecord, type RecordKind } from '../../kernel/records/record-kind';
import { optional, type Path, type Values } from '../../kernel/records/record.service';
import { Account, accounts, Contact, contacts, Deal, deals } from '../crm';
import { User, users } from '../system';
import { CreateTaskInput, UpdateTaskInput } from './task.inputs';
import { taskPolicy } from './task.policy';

@ObjectType({ description: 'A follow-up to do, optionally about an account, contact or deal.', simpleResolvers: true })
@Entity('tasks')
@Index(['ownerId', 'createdAt'])
@Index(['assigneeId', 'dueAt'])
@Index(['title', 'id'])
@Index(['dueAt', 'id'])
@Index(['completedAt', 'id'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
@Index('tasks_deleted_idx', ['deletedAt'])
@Index('tasks_search_idx', { synchronize: false })
export class Task extends OwnedEntity {
  @Field({ description: 'What to do.' })
  @Filterable('Title.')
  @Sortable()
  @Column('text')
  title!: string;

  @Field(() => String, { nullable: true, description: 'Details.' })
  @Column('text', { nullable: true })
  notes!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it is due; null for no due date.' })
  @Filterable('Due.')
  @Sortable()
  @Column('timestamptz', { nullable: true })
  dueAt!: Date | null;

  @Field({ description: 'Whether it is done.' })
  @Filterable('Done or not.')
  @Index()
  @Column('boolean', { default: false })
  done!: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was completed; null while open.' })
  @Filterable('Completed at.')
  @Sortable()
  @Column('timestamptz', { nullable: true })
  completedAt!: Date | null;

  @Index()
  @Column('uuid', { nullable: true })
  assigneeId!: string | null;

  @Filterable('Who should do it.')
  @ManyToOne(() => User)
  @JoinColumn({ name: 'assigneeId' })
  assignee?: User;

  @Index()
  @Column('uuid', { nullable: true })
  accountId!: string | null;

  @Filterable('The account.')
  @ManyToOne(() => Account)
  @JoinColumn({ name: 'accountId' })
  account?: Account;

  @Index()
  @Column('uuid', { nullable: true })
  contactId!: string | null;

  @Filterable('The contact.')
  @ManyToOne(() => Contact)
  @JoinColumn({ name: 'contactId' })
  contact?: Contact;

  @Index()
  @Column('uuid', { nullable: true })
  dealId!: string | null;

  @Filterable('The deal.')
  @ManyToOne(() => Deal)
  @JoinColumn({ name: 'dealId' })
  deal?: Deal;

  @Filterable('Owner.')
  @ManyToOne(() => User)
  @JoinColumn({ name: 'ownerId' })
  owner?: User;
}

/** Related records must be visible to the caller and not in the trash. */
async function checkRelated(ctx: Context, uow: UnitOfWork, input: CreateTaskInput | UpdateTaskInput, path: Path): Promise<void> {
  if (input.accountId != null) await tasks.service.requireVisible(ctx, uow, accounts, input.accountId, [...path, 'accountId']);
  if (input.contactId != null) await tasks.service.requireVisible(ctx, uow, contacts, input.contactId, [...path, 'contactId']);
  if (input.dealId != null) await tasks.service.requireVisible(ctx, uow, deals, input.dealId, [...path, 'dealId']);
}

function taskValues(input: CreateTaskInput | UpdateTaskInput): Values {
  return {
    title: input.title?.trim(),
    notes: optional(input.notes, (v) => v.trim()),
    dueAt: input.dueAt,
    accountId: input.accountId,
    contactId: input.contactId,
    dealId: input.dealId,
  };
}

export const tasks: RecordKind<Task, CreateTaskInput, UpdateTaskInput> = defineRecord<Task, CreateTaskInput, UpdateTaskInput>({
  entity: Task,
  noun: 'a task',
  plural: 'tasks',
  policy: taskPolicy,
  capabilities: { owned: true, trash: true, timeline: true, search: { type: 'TASK', columns: ['title', 'notes'], weighted: ['title'] } },
  inputs: { create: CreateTaskInput, update: UpdateTaskInput },
  logged: ['title', 'notes', 'dueAt', 'done', 'completedAt', 'assigneeId', 'accountId', 'contactId', 'dealId', 'ownerId'],
  defaultOrder: [{ field: 'DUE_AT', direction: SortDirection.ASC }],
  label: (t) => t.title,
  references: {
    assignee: { to: () => users, via: 'assigneeId', description: 'Who should do it; null when unassigned.' },
    account: {
      to: () => accounts,
      via: 'accountId',
      description: 'The account; null when none or not visible.',
      inverse: { name: 'tasks', description: 'Tasks about this account that you may see (default: earliest due first).' },
    },
    contact: {
      to: () => contacts,
      via: 'contactId',
      description: 'The contact; null when none or not visible.',
      inverse: { name: 'tasks', description: 'Tasks about this contact that you may see (default: earliest due first).' },
    },
    deal: {
      to: () => deals,
      via: 'dealId',
      description: 'The deal; null when none or not visible.',
      inverse: { name: 'tasks', description: 'Tasks about this deal that you may see (default: earliest due first).' },
    },
  },
  prepareCreate: async (ctx, uow, input, path) => {
    await checkRelated(ctx, uow, input, path);
    return { values: { ...taskValues(input), notes: input.notes?.trim() ?? null, done: false } };
  },
  prepareUpdate: async (ctx, uow, before, input, path) => {
    if (input.title === null) throw badInput([...path, 'title'], 'cannot be cleared');
    if (input.done === null) throw badInput([...path, 'done'], 'cannot be cleared');
    await checkRelated(ctx, uow, input, path);
    const values = taskValues(input);
    // completedAt follows done: set when it is completed, cleared when it opens again.
    if (input.done === true && !before.done) Object.assign(values, { done: true, completedAt: new Date() });
    if (input.done === false && before.done) Object.assign(values, { done: false, completedAt: null });
    return { values };
  },
});
