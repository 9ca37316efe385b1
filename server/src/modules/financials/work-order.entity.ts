import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { todayUtc } from '../../kernel/calendar-date';
import { Role } from '../../kernel/auth/role';
import { requirePrincipal, type Context } from '../../kernel/context';
import { BaseEntity } from '../../kernel/entity/base.entity';
import { badInput, ForbiddenError } from '../../kernel/errors/errors';
import { MoneyScalar } from '../../kernel/money';
import { SortDirection } from '../../kernel/pagination/filters';
import { Filterable, Sortable } from '../../kernel/records/list-inputs';
import { defineRecord, type RecordKind } from '../../kernel/records/record-kind';
import type { Path, Values } from '../../kernel/records/record.service';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';
import { Account, accounts, Contact, contacts } from '../crm';
import { WorkOrderStatus } from './financial.types';
import { FINANCIAL_WRITERS, financialPolicy } from './ledger-account.policy';
import { nextNumber } from './number-sequence.entity';
import { priceWorkOrderLines, replaceWorkOrderLines, workOrderLinesOf, type WorkLinesWrite } from './work-order-lines';
import { CreateWorkOrderInput, UpdateWorkOrderInput } from './work-order.inputs';

/** DESIGN.md §3: DISPATCHER creates, updates and reads work orders (not their prices) besides the financial roles. */
export const workOrderPolicy = financialPolicy('WorkOrder', [Role.DISPATCHER]);
const PRICE_SETTERS: readonly string[] = FINANCIAL_WRITERS;

@ObjectType({ description: 'A job for a customer: what is to be done, its lines, and where it stands.', simpleResolvers: true })
@Entity('work_orders')
@Index('work_orders_number_unique', ['number'], { unique: true })
@Index(['number', 'id'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
export class WorkOrder extends BaseEntity {
  @Field({ description: 'WO-<year>-<0001…>, given at creation.' })
  @Filterable('Work order number.')
  @Sortable()
  @Column('text')
  number!: string;

  @Index()
  @Column('uuid')
  accountId!: string;

  @Filterable('The customer account.')
  @ManyToOne(() => Account)
  @JoinColumn({ name: 'accountId' })
  account?: Account;

  @Index()
  @Column('uuid', { nullable: true })
  contactId!: string | null;

  @ManyToOne(() => Contact)
  @JoinColumn({ name: 'contactId' })
  contact?: Contact;

  @Field({ description: 'What the job is.' })
  @Column('text')
  description!: string;

  @Field(() => WorkOrderStatus, { description: 'OPEN → SCHEDULED → IN_PROGRESS → COMPLETED → INVOICED (on its invoice’s issue), or CANCELLED.' })
  @Filterable('Status.')
  @Index()
  @Column('enum', { enum: WorkOrderStatus, enumName: 'work_order_status', default: WorkOrderStatus.OPEN })
  status!: WorkOrderStatus;

  @Field(() => MoneyScalar, { description: 'Sum of the priced lines (before tax).' })
  @Column('numeric', { precision: 14, scale: 2, default: 0 })
  total!: string;
}

const canSetPrices = (role: string) => PRICE_SETTERS.includes(role);

/** Prices come from ADMIN and ACCOUNTANT only: a dispatcher's lines carry none. */
function guardPrices(role: string, lines: { unitPrice?: string | null }[] | undefined): void {
  if (!canSetPrices(role) && lines?.some((l) => l.unitPrice != null)) throw new ForbiddenError('Only ADMIN and ACCOUNTANT set work order prices');
}

async function checkContact(ctx: Context, uow: UnitOfWork, contactId: string, accountId: string, path: Path): Promise<void> {
  const contact = await contacts.service.requireVisible(ctx, uow, contacts, contactId, [...path, 'contactId']);
  if (contact.accountId !== accountId) throw badInput([...path, 'contactId'], 'must be a contact of the work order’s account');
}

export const workOrders: RecordKind<WorkOrder, CreateWorkOrderInput, UpdateWorkOrderInput, WorkLinesWrite> = defineRecord<
  WorkOrder,
  CreateWorkOrderInput,
  UpdateWorkOrderInput,
  WorkLinesWrite
>({
  entity: WorkOrder,
  noun: 'a work order',
  plural: 'workOrders',
  policy: workOrderPolicy,
  capabilities: { timeline: true },
  inputs: { create: CreateWorkOrderInput, update: UpdateWorkOrderInput },
  logged: ['number', 'accountId', 'contactId', 'description', 'status', 'total'],
  defaultOrder: [{ field: 'CREATED_AT', direction: SortDirection.DESC }],
  describe: { update: 'Changes an open work order (given lines replace all lines). Completed, invoiced and cancelled ones do not change.' },
  label: (w) => w.number,
  references: {
    account: { to: () => accounts, via: 'accountId', description: 'The customer account.' },
    contact: { to: () => contacts, via: 'contactId', description: 'The person on site; null when none.' },
  },
  async prepareCreate(ctx, uow, input, path) {
    guardPrices(requirePrincipal(ctx).role, input.lines);
    await accounts.service.requireVisible(ctx, uow, accounts, input.accountId, [...path, 'accountId']);
    if (input.contactId) await checkContact(ctx, uow, input.contactId, input.accountId, path);
    const lines = priceWorkOrderLines(input.lines, [], canSetPrices(requirePrincipal(ctx).role), path);
    const number = await nextNumber(uow, 'WO', Number(todayUtc().slice(0, 4)), 4);
    return {
      values: { number, accountId: input.accountId, contactId: input.contactId ?? null, description: input.description.trim(), total: lines.total },
      children: { priced: lines, current: null },
    };
  },
  async prepareUpdate(ctx, uow, before, input, path) {
    guardPrices(requirePrincipal(ctx).role, input.lines);
    for (const f of ['accountId', 'description', 'lines'] as const) if (input[f] === null) throw badInput([...path, f], 'cannot be cleared');
    const accountId = input.accountId ?? before.accountId;
    if (input.accountId) await accounts.service.requireVisible(ctx, uow, accounts, input.accountId, [...path, 'accountId']);
    const contactId = input.contactId === undefined ? before.contactId : input.contactId;
    if (contactId && (input.contactId !== undefined || input.accountId !== undefined)) await checkContact(ctx, uow, contactId, accountId, path);
    const values: Values = { accountId: input.accountId, contactId: input.contactId, description: input.description?.trim() };
    if (!input.lines) return { values };
    const current = await workOrderLinesOf(uow, before.id);
    const lines = priceWorkOrderLines(input.lines, current, canSetPrices(requirePrincipal(ctx).role), path);
    return { values: { ...values, total: lines.total }, children: { priced: lines, current } };
  },
  async writeChildren(_ctx, uow, row, lines) {
    return replaceWorkOrderLines(uow, row.id, lines);
  },
  guardChange(before) {
    if ([WorkOrderStatus.COMPLETED, WorkOrderStatus.INVOICED, WorkOrderStatus.CANCELLED].includes(before.status)) {
      throw badInput(['id'], `${before.number} is ${before.status.toLowerCase()}: reopen it to change it`);
    }
  },
});
