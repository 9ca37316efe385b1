import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Context } from '../../kernel/context';
import { BaseEntity } from '../../kernel/entity/base.entity';
import { badInput } from '../../kernel/errors/errors';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';
import { SortDirection } from '../../kernel/pagination/filters';
import { Filterable, Sortable } from '../../kernel/records/list-inputs';
import { defineRecord, type RecordKind } from '../../kernel/records/record-kind';
import type { Path, Values } from '../../kernel/records/record.service';
import { LedgerAccountType, LedgerSystemRole } from './ledger-account-type';
import { CreateLedgerAccountInput, UpdateLedgerAccountInput } from './ledger-account.inputs';
import { ledgerAccountPolicy } from './ledger-account.policy';

@ObjectType({ description: 'An account of the chart of accounts, which journal lines post to.', simpleResolvers: true })
@Entity('ledger_accounts')
@Index('ledger_accounts_code_unique', ['code'], { unique: true })
@Index('ledger_accounts_system_role_unique', ['systemRole'], { unique: true, where: '"systemRole" IS NOT NULL' })
@Index(['name', 'id'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
export class LedgerAccount extends BaseEntity {
  @Field({ description: 'Account number, unique in the chart (e.g. "1000").' })
  @Filterable('Account number.')
  @Sortable()
  @Column('text')
  code!: string;

  @Field({ description: 'Name.' })
  @Filterable('Name.')
  @Sortable()
  @Column('text')
  name!: string;

  @Field(() => LedgerAccountType, { description: 'Asset, liability, equity, revenue or expense.' })
  @Filterable('Type.')
  @Sortable()
  @Index()
  @Column('enum', { enum: LedgerAccountType, enumName: 'ledger_account_type' })
  type!: LedgerAccountType;

  @Index()
  @Column('uuid', { nullable: true })
  parentId!: string | null;

  @Filterable('The account it is grouped under.')
  @ManyToOne(() => LedgerAccount)
  @JoinColumn({ name: 'parentId' })
  parent?: LedgerAccount;

  @Field({ description: 'Whether new postings may use it.' })
  @Filterable('Active or not.')
  @Index()
  @Column('boolean', { default: true })
  active!: boolean;

  @Field(() => LedgerSystemRole, { nullable: true, description: 'The part it plays in automatic postings; null for an ordinary account.' })
  @Filterable('System role.')
  @Column('enum', { enum: LedgerSystemRole, enumName: 'ledger_system_role', nullable: true })
  systemRole!: LedgerSystemRole | null;
}

async function checkCode(uow: UnitOfWork, code: string, self: string | null, path: Path): Promise<void> {
  const [taken] = await uow.manager.query(`SELECT "name" FROM "ledger_accounts" WHERE "code" = $1 AND "id" IS DISTINCT FROM $2`, [code, self]);
  if (taken) throw badInput([...path, 'code'], `is already used by ${taken.name}`);
}

/** The parent must be an account of the same type, and never the account itself or one below it. */
async function checkParent(ctx: Context, uow: UnitOfWork, parentId: string, type: LedgerAccountType, self: string | null, path: Path): Promise<void> {
  const at = [...path, 'parentId'];
  const parent = await ledgerAccounts.service.requireVisible(ctx, uow, ledgerAccounts, parentId, at);
  if (parent.type !== type)
    throw badInput(
      at,
      `must be ${type === LedgerAccountType.ASSET || type === LedgerAccountType.EXPENSE ? 'an' : 'a'} ${type.toLowerCase()} account, like this one`,
    );
  if (!self) return;
  const [cycle] = await uow.manager.query(
    `WITH RECURSIVE up AS (SELECT "id", "parentId" FROM "ledger_accounts" WHERE "id" = $1
       UNION SELECT a."id", a."parentId" FROM "ledger_accounts" a JOIN up ON a."id" = up."parentId")
     SELECT 1 FROM up WHERE "id" = $2 LIMIT 1`,
    [parentId, self],
  );
  if (cycle) throw badInput(at, 'cannot be the account itself or one grouped under it');
}

export const ledgerAccounts: RecordKind<LedgerAccount, CreateLedgerAccountInput, UpdateLedgerAccountInput> = defineRecord<
  LedgerAccount,
  CreateLedgerAccountInput,
  UpdateLedgerAccountInput
>({
  entity: LedgerAccount,
  noun: 'a ledger account',
  plural: 'ledgerAccounts',
  policy: ledgerAccountPolicy,
  capabilities: { timeline: true },
  inputs: { create: CreateLedgerAccountInput, update: UpdateLedgerAccountInput },
  logged: ['code', 'name', 'type', 'parentId', 'active'],
  defaultOrder: [{ field: 'CODE', direction: SortDirection.ASC }],
  label: (a) => `${a.code} ${a.name}`,
  references: {
    parent: {
      to: () => ledgerAccounts,
      via: 'parentId',
      description: 'The account it is grouped under; null at the top of the chart.',
      inverse: { name: 'children', description: 'Accounts grouped under this one (default: by account number).' },
    },
  },
  async prepareCreate(ctx, uow, input, path) {
    await checkCode(uow, input.code, null, path);
    if (input.parentId != null) await checkParent(ctx, uow, input.parentId, input.type, null, path);
    return { values: { code: input.code, name: input.name.trim(), type: input.type, parentId: input.parentId ?? null, active: true, systemRole: null } };
  },
  async prepareUpdate(ctx, uow, before, input, path) {
    for (const field of ['code', 'name', 'type', 'active'] as const) {
      if (input[field] === null) throw badInput([...path, field], 'cannot be cleared');
    }
    if (before.systemRole && input.type && input.type !== before.type) throw badInput([...path, 'type'], 'A system account keeps its type');
    if (before.systemRole && input.active === false) throw badInput([...path, 'active'], 'A system account stays active: automatic postings use it');
    if (input.code !== undefined) await checkCode(uow, input.code, before.id, path);
    const type = input.type ?? before.type;
    const parentId = input.parentId === undefined ? before.parentId : input.parentId;
    if (parentId != null && (input.parentId !== undefined || input.type !== undefined)) await checkParent(ctx, uow, parentId, type, before.id, path);
    if (input.type !== undefined && input.type !== before.type) {
      const [child] = await uow.manager.query(`SELECT 1 FROM "ledger_accounts" WHERE "parentId" = $1 AND "type" <> $2 LIMIT 1`, [before.id, input.type]);
      if (child) throw badInput([...path, 'type'], 'Accounts are grouped under it with its current type: move them first');
    }
    const values: Values = { code: input.code, name: input.name?.trim(), type: input.type, parentId: input.parentId, active: input.active };
    return { values };
  },
});
