import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Context } from '../../kernel/context';
import { OwnedEntity } from '../../kernel/entity/base.entity';
import { badInput } from '../../kernel/errors/errors';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';
import { MoneyScalar } from '../../kernel/money';
import { SortDirection } from '../../kernel/pagination/filters';
import { Filterable, Sortable } from '../../kernel/records/list-inputs';
import { defineRecord, type RecordKind } from '../../kernel/records/record-kind';
import type { Path, Values } from '../../kernel/records/record.service';
import { normalizeMoney } from '../../kernel/validation';
import { User } from '../system';
import { Account, accounts } from './account.entity';
import { Contact, contacts } from './contact.entity';
import { DealStage, isOpenStage } from './deal-stage';
import { dealPolicy } from './deal.policy';
import { CreateDealInput, UpdateDealInput } from './deal.inputs';

export { DealStage, isOpenStage, OPEN_STAGES } from './deal-stage';

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
  @Filterable('Name.')
  @Sortable()
  @Column('text')
  name!: string;

  @Index()
  @Column('uuid')
  accountId!: string;

  @Filterable('The account.')
  @ManyToOne(() => Account)
  @JoinColumn({ name: 'accountId' })
  account?: Account;

  @Index()
  @Column('uuid', { nullable: true })
  primaryContactId!: string | null;

  @Filterable('The primary contact.')
  @ManyToOne(() => Contact)
  @JoinColumn({ name: 'primaryContactId' })
  primaryContact?: Contact;

  @Field(() => DealStage, { description: 'Current stage.' })
  @Filterable('Stage.')
  @Sortable()
  @Index()
  @Column('enum', { enum: DealStage, enumName: 'deal_stage' })
  stage!: DealStage;

  @Field(() => MoneyScalar, { description: 'Expected value.' })
  @Filterable('Amount.')
  @Sortable()
  @Column('numeric', { precision: 14, scale: 2, default: 0 })
  amount!: string;

  @Field(() => Int, { nullable: true, description: 'Chance of winning, 0–100.' })
  @Filterable('Probability.')
  @Sortable()
  @Index()
  @Column('int', { nullable: true })
  probability!: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Expected close date.' })
  @Filterable('Expected close date.')
  @Sortable()
  @Column('date', { nullable: true })
  expectedCloseDate!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the deal was won or lost; null while open.' })
  @Filterable('Closed at.')
  @Sortable()
  @Column('timestamptz', { nullable: true })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the deal was lost (set with CLOSED_LOST).' })
  @Column('text', { nullable: true })
  lostReason!: string | null;

  @Filterable('Owner.')
  @ManyToOne(() => User)
  @JoinColumn({ name: 'ownerId' })
  owner?: User;
}

/** The primary contact must be visible and work at the deal's account (when it has one). */
async function checkPrimaryContact(ctx: Context, uow: UnitOfWork, contactId: string, accountId: string, path: Path): Promise<void> {
  const contact = await deals.service.requireVisible(ctx, uow, contacts, contactId, path);
  if (contact.accountId && contact.accountId !== accountId) throw badInput(path, 'must be a contact of the deal’s account');
}

export const deals: RecordKind<Deal, CreateDealInput, UpdateDealInput> = defineRecord<Deal, CreateDealInput, UpdateDealInput>({
  entity: Deal,
  noun: 'a deal',
  plural: 'deals',
  policy: dealPolicy,
  capabilities: { owned: true, trash: true, timeline: true, search: { type: 'DEAL', columns: ['name'], weighted: ['name'] } },
  inputs: { create: CreateDealInput, update: UpdateDealInput },
  references: {
    account: {
      to: () => accounts,
      via: 'accountId',
      description: 'The account; null when not visible to you.',
      inverse: { name: 'deals', description: 'Deals with this account that you may see.' },
    },
    primaryContact: { to: () => contacts, via: 'primaryContactId', description: 'The main contact; null when none or not visible.' },
  },
  logged: ['name', 'accountId', 'primaryContactId', 'stage', 'amount', 'probability', 'expectedCloseDate', 'closedAt', 'lostReason', 'ownerId'],
  defaultOrder: [{ field: 'CREATED_AT', direction: SortDirection.DESC }],
  describe: {
    create: 'Creates a deal in an open stage.',
    update: 'Changes a deal (not its stage). With `expectedVersion`, fails with CONFLICT if it changed meanwhile.',
  },
  label: (d) => d.name,
  prepareCreate: async (ctx, uow, input, path) => {
    if (!isOpenStage(input.stage)) throw badInput([...path, 'stage'], 'A deal starts in an open stage; close it with moveDealStage');
    await deals.service.requireVisible(ctx, uow, accounts, input.accountId, [...path, 'accountId']);
    if (input.primaryContactId != null) await checkPrimaryContact(ctx, uow, input.primaryContactId, input.accountId, [...path, 'primaryContactId']);
    return {
      values: {
        name: input.name.trim(),
        accountId: input.accountId,
        primaryContactId: input.primaryContactId ?? null,
        amount: normalizeMoney(input.amount ?? '0'),
        stage: input.stage,
        probability: input.probability ?? null,
        expectedCloseDate: input.expectedCloseDate ?? null,
      },
    };
  },
  prepareUpdate: async (ctx, uow, before, input, path) => {
    for (const f of ['name', 'accountId', 'amount'] as const) if (input[f] === null) throw badInput([...path, f], 'cannot be cleared');
    // A closed deal's project hangs off its account: moving it needs a reopen first.
    if (input.accountId && input.accountId !== before.accountId && !isOpenStage(before.stage)) {
      throw badInput([...path, 'accountId'], `The deal is ${before.stage}; reopen it before moving it to another account`);
    }
    const accountId = input.accountId ?? before.accountId;
    if (input.accountId != null) await deals.service.requireVisible(ctx, uow, accounts, input.accountId, [...path, 'accountId']);
    const contactId = input.primaryContactId === undefined ? before.primaryContactId : input.primaryContactId;
    if (contactId != null && (input.primaryContactId != null || input.accountId != null)) {
      await checkPrimaryContact(ctx, uow, contactId, accountId, [...path, input.primaryContactId != null ? 'primaryContactId' : 'accountId']);
    }
    const values: Values = {
      name: input.name?.trim(),
      accountId: input.accountId,
      primaryContactId: input.primaryContactId,
      amount: input.amount === undefined ? undefined : normalizeMoney(input.amount),
      probability: input.probability,
      expectedCloseDate: input.expectedCloseDate,
    };
    return { values };
  },
});
