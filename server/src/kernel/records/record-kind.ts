import type { ClassType } from 'type-graphql';
import { getMetadataArgsStorage } from 'typeorm';
import type { Context } from '../context';
import { BatchResult } from '../data/batch.types';
import type { UnitOfWork } from '../events/unit-of-work';
import { Connection } from '../pagination/connection.types';
import type { OrderInput } from '../pagination/list';
import { canWrite, RuleMap, ShieldRule } from '../permissions/rules';
import { declareListInputs, listInputsOf, ListInputs } from './list-inputs';
import type { Policy } from './policy';
import { RecordService, type Path, type Values } from './record.service';

/** What the kit offers for a record type; each is switched on per entity. */
export interface RecordCapabilities {
  /** An owner (`ownerId`, the `owner` field, "own" scoping through the policy's holders). */
  owned?: boolean;
  /** `deleteX` moves to the trash, `restoreX` brings back; lists leave trashed rows out. */
  trash?: boolean;
  /** `createXs(inputs, allOrNone)` with a result per item. */
  batch?: boolean;
  /** `timeline` on the type: its activity entries. */
  timeline?: boolean;
  /** Found by `search` (full-text over the given columns; `weighted` ones rank higher). */
  search?: { type: string; columns: string[]; weighted: string[] };
  /** The generated root fields; a type with its own commands switches some off. */
  lookup?: boolean;
  list?: boolean;
  create?: boolean;
  update?: boolean;
}

/** What a prepare hook gives: the column values, and the checked child rows when the input sets them. */
export interface Prepared<K = never> {
  values: Values;
  /** Passed to writeChildren; left out when the input leaves the children as they are. */
  children?: K;
}

export interface RecordHooks<T extends object, C extends object, U extends object, K = unknown> {
  /** How the record is named in the activity log. */
  label(row: T): string;
  /** Validated create input → column values (normalised, references checked) and child rows. */
  prepareCreate?(ctx: Context, uow: UnitOfWork, input: C, path: Path): Promise<Prepared<K>>;
  /** Validated update input → changed column values (undefined = unchanged) and child rows. */
  prepareUpdate?(ctx: Context, uow: UnitOfWork, before: T, input: U, path: Path): Promise<Prepared<K>>;
  /**
   * Writes the child rows a prepare hook gave (a journal entry's lines) after the record, in the same
   * transaction; `before` is the record before this update, null when it was just created (no
   * children yet). Returns their logged change (e.g. `{ lines: { from, to } }`), or null when they
   * stay as they were. A change of children alone is still a new version of the record.
   */
  writeChildren?(ctx: Context, uow: UnitOfWork, row: T, children: K, before: T | null): Promise<Values | null>;
  /** Refuses a write the record's state forbids (e.g. a posted entry), before anything is written. */
  guardChange?(before: T, change: 'update' | 'delete' | 'restore'): void;
}

/**
 * A to-one relation exposed as a field: the related record through its scoped loader (null when
 * not visible). `inverse` also exposes the to-many side on the related type as a connection of
 * these records (e.g. Contact.account and Account.contacts), declared here where the key lives.
 */
export interface ReferenceDeclaration {
  to: () => RecordKind;
  /** Column holding the related id. */
  via: string;
  description: string;
  inverse?: { name: string; description: string };
}

export interface RecordDeclaration<T extends object, C extends object, U extends object, K = unknown> extends RecordHooks<T, C, U, K> {
  entity: ClassType<T>;
  /** GraphQL type name; the class name by default. */
  typeName?: string;
  /** "an account" */
  noun: string;
  /** "accounts" */
  plural: string;
  policy: Policy;
  capabilities?: RecordCapabilities;
  inputs?: { create?: ClassType<C>; update?: ClassType<U> };
  /** Fields whose changes go into the activity log (default: the entity's own readable columns). */
  logged?: readonly string[];
  defaultOrder: OrderInput[];
  /** Root field names, when the plural is not the list's name. */
  names?: { one?: string; many?: string };
  /** Descriptions that say more than the generic ones. */
  describe?: { create?: string; update?: string };
  /** Related records as fields: `account` (to-one), and with `inverse` the to-many side on the related type. */
  references?: Record<string, ReferenceDeclaration>;
  /** Rules for the generated mutations beyond the policy (e.g. a session instead of an API key). */
  mutationRule?: (rule: ShieldRule) => ShieldRule;
}

type Row = { id: string; version: number };
const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s[0].toUpperCase() + s.slice(1);

/** Columns a record logs by default: its own, non-technical, selectable ones. */
function defaultLogged(entity: Function): string[] {
  const chain: Function[] = [];
  for (let c: Function | null = entity; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.push(c);
  return getMetadataArgsStorage()
    .columns.filter((c) => chain.includes(c.target as Function) && c.mode === 'regular' && c.options.select !== false && c.propertyName !== 'id')
    .map((c) => c.propertyName);
}

/** One entity type declared on the record kit. */
export class RecordKind<T extends Row = Row, C extends object = object, U extends object = object, K = unknown> {
  readonly typeName: string;
  readonly capabilities: Required<Omit<RecordCapabilities, 'search'>> & Pick<RecordCapabilities, 'search'>;
  readonly logged: readonly string[];
  readonly names: { one: string; many: string };
  readonly service: RecordService<T, C, U, K>;
  private connection?: ClassType;
  private batch?: ClassType;

  constructor(readonly decl: RecordDeclaration<T, C, U, K>) {
    this.typeName = decl.typeName ?? decl.entity.name;
    const c = decl.capabilities ?? {};
    this.capabilities = {
      owned: !!c.owned,
      trash: !!c.trash,
      batch: !!c.batch,
      timeline: !!c.timeline,
      search: c.search,
      lookup: c.lookup ?? true,
      list: c.list ?? true,
      create: c.create ?? !!decl.inputs?.create,
      update: c.update ?? !!decl.inputs?.update,
    };
    if (c.owned && decl.policy.holders[0] !== 'ownerId') throw new Error(`${this.typeName}: an owned record's first holder column is ownerId`);
    this.logged = decl.logged ?? defaultLogged(decl.entity);
    this.names = { one: decl.names?.one ?? lowerFirst(this.typeName), many: decl.names?.many ?? decl.plural };
    declareListInputs(decl.entity, { typeName: this.typeName, plural: decl.plural, trash: !!c.trash, defaultOrder: decl.defaultOrder });
    this.service = new RecordService<T, C, U, K>(this);
  }

  get entity(): ClassType<T> {
    return this.decl.entity;
  }
  get policy(): Policy {
    return this.decl.policy;
  }
  get plural(): string {
    return this.decl.plural;
  }
  get noun(): string {
    return this.decl.noun;
  }
  get defaultOrder(): OrderInput[] {
    return this.decl.defaultOrder;
  }
  get hooks(): RecordHooks<T, C, U, K> {
    return this.decl;
  }

  listInputs(): ListInputs {
    return listInputsOf(this.entity);
  }

  /** `<Type>Connection` (and its edge type). */
  connectionType(): ClassType {
    return (this.connection ??= Connection(this.entity, this.typeName));
  }

  /** `<Type>BatchResult` for `createXs`. */
  batchResultType(): ClassType {
    return (this.batch ??= BatchResult(this.entity, this.typeName));
  }

  /** The rules of the generated fields, all derived from the policy. */
  rules(): RuleMap {
    const p = this.policy;
    const mutation = (r: ShieldRule) => (this.decl.mutationRule ? this.decl.mutationRule(r) : r);
    const Query: Record<string, ShieldRule> = {};
    const Mutation: Record<string, ShieldRule> = {};
    const name = this.typeName;
    if (this.capabilities.lookup) Query[this.names.one] = p.readRule;
    if (this.capabilities.list) Query[this.names.many] = p.readRule;
    if (this.capabilities.create) Mutation[`create${name}`] = mutation(p.createRule);
    if (this.capabilities.batch) Mutation[`create${upperFirst(this.plural)}`] = mutation(p.createRule);
    if (this.capabilities.update) Mutation[`update${name}`] = mutation(p.writeRule);
    if (this.capabilities.trash) {
      Mutation[`delete${name}`] = mutation(p.writeRule);
      Mutation[`restore${name}`] = mutation(p.writeRule);
    }
    const typeRules = p.typeRules();
    const rules: RuleMap = { Query, Mutation, ...typeRules };
    // An inverse connection shows these records on another type: it takes this type's read rule.
    for (const ref of Object.values(this.decl.references ?? {})) {
      if (!ref.inverse) continue;
      const parent = ref.to().typeName;
      rules[parent] = { ...(rules[parent] ?? {}), [ref.inverse.name]: p.readRule };
    }
    return rules;
  }

  /** The write rule for a command on this type (e.g. moveDealStage), with the same extras. */
  commandRule(roles?: Parameters<typeof canWrite>): ShieldRule {
    const r = roles ? canWrite(...roles) : this.policy.writeRule;
    return this.decl.mutationRule ? this.decl.mutationRule(r) : r;
  }
}

const kinds = new Map<string, RecordKind>();

/** Declares an entity on the record kit. */
export function defineRecord<T extends Row, C extends object = object, U extends object = object, K = unknown>(
  decl: RecordDeclaration<T, C, U, K>,
): RecordKind<T, C, U, K> {
  const kind = new RecordKind<T, C, U, K>(decl);
  if (kinds.has(kind.typeName)) throw new Error(`${kind.typeName} is declared twice on the record kit`);
  if (kind.policy.typeName !== kind.typeName) throw new Error(`${kind.typeName} is declared with the policy of ${kind.policy.typeName}`);
  kinds.set(kind.typeName, kind as unknown as RecordKind);
  return kind;
}

export function recordKindOf(typeName: string): RecordKind | undefined {
  return kinds.get(typeName);
}

/** Every kind declared so far (all of them once the modules are loaded). */
export function allRecordKinds(): RecordKind[] {
  return [...kinds.values()];
}
