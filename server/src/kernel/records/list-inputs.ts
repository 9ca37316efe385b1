import { ArgsType, ClassType, Field, InputType, registerEnumType } from 'type-graphql';
import { getMetadataArgsStorage } from 'typeorm';
import { enumName } from '../enums';
import { PageArgsInput } from '../pagination/connection.types';
import { BooleanFilter, DateFilter, DateTimeFilter, EnumFilter, IDFilter, IntFilter, MoneyFilter, SortDirection, StringFilter } from '../pagination/filters';
import type { OrderInput } from '../pagination/list';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TypeFn = () => any;

// Marks on entity properties say which fields a list can filter and sort on; the list inputs
// (`<Type>Filter`, `<Type>SortField`, `<Type>OrderBy`, the list arguments) are generated from them,
// so the schema and the SQL filter builder (which reads the same entity metadata) cannot drift.

interface FilterMark {
  property: string;
  description?: string;
  type?: TypeFn;
}

const filterMarks = new Map<Function, FilterMark[]>();
const sortMarks = new Map<Function, string[]>();

/**
 * The property can be filtered on in lists (a column, or a many-to-one relation: one hop). The
 * filter input follows the column type unless `type` names one.
 */
export function Filterable(description?: string, type?: TypeFn): PropertyDecorator {
  return (target, property) => {
    const list = filterMarks.get(target.constructor) ?? [];
    list.push({ property: String(property), description, type });
    filterMarks.set(target.constructor, list);
  };
}

/** Lists can be sorted by the property (a column; keyset pagination needs an index on it). */
export function Sortable(): PropertyDecorator {
  return (target, property) => {
    const list = sortMarks.get(target.constructor) ?? [];
    list.push(String(property));
    sortMarks.set(target.constructor, list);
  };
}

/** The class and its ancestors, base first (marks on base classes come first). */
function lineage(entity: Function): Function[] {
  const out: Function[] = [];
  for (let c: Function | null = entity; c && c !== Function.prototype && c !== Object; c = Object.getPrototypeOf(c)) out.unshift(c);
  return out;
}

export function filterMarksOf(entity: Function): FilterMark[] {
  return lineage(entity).flatMap((c) => filterMarks.get(c) ?? []);
}

export function sortMarksOf(entity: Function): string[] {
  return lineage(entity).flatMap((c) => sortMarks.get(c) ?? []);
}

export const upperSnake = (prop: string) => prop.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
const words = (prop: string) => prop.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
const sentence = (prop: string) => {
  const w = words(prop);
  return `${w[0].toUpperCase()}${w.slice(1)}.`;
};

/** The filter input for a marked property, from the TypeORM column or relation behind it. */
function filterTypeOf(entity: Function, property: string): TypeFn {
  const storage = getMetadataArgsStorage();
  const chain = lineage(entity);
  const relation = storage.relations.find((r) => chain.includes(r.target as Function) && r.propertyName === property);
  if (relation) {
    if (relation.relationType !== 'many-to-one') throw new Error(`${entity.name}.${property}: only many-to-one relations can be filtered`);
    const target = relation.type as () => Function;
    return () => listInputsOf(target()).Filter;
  }
  const column = storage.columns.find((c) => chain.includes(c.target as Function) && c.propertyName === property);
  if (!column) throw new Error(`${entity.name}.${property} is marked filterable but is neither a column nor a relation`);
  if (column.mode === 'createDate' || column.mode === 'updateDate' || column.mode === 'deleteDate') return () => DateTimeFilter;
  switch (column.options.type) {
    case 'text':
    case 'varchar':
    case 'citext':
      return () => StringFilter;
    case 'uuid':
      return () => IDFilter;
    case 'numeric':
      return () => MoneyFilter;
    case 'int':
    case 'integer':
      return () => IntFilter;
    case 'timestamptz':
      return () => DateTimeFilter;
    case 'date':
      return () => DateFilter;
    case 'boolean':
      return () => BooleanFilter;
    case 'enum': {
      const values = column.options.enum as object;
      const name = enumName(values);
      if (!name) throw new Error(`${entity.name}.${property}: register its enum with registerEnum() to filter on it`);
      // Built now: type-graphql only knows input types that exist before the schema is generated.
      const filter = EnumFilter(values, name);
      return () => filter;
    }
    default:
      throw new Error(`${entity.name}.${property}: no filter input for column type ${String(column.options.type)}`);
  }
}

export interface ListInputs {
  Filter: ClassType;
  /** Absent when nothing is sortable (the list has one fixed order). */
  SortField?: Record<string, string>;
  OrderBy?: ClassType;
  ListArgs: ClassType;
}

export interface ListInputOptions {
  /** GraphQL type name, e.g. "Account". */
  typeName: string;
  /** "accounts" */
  plural: string;
  /** Trashed rows are left out unless `deletedAt` is filtered. */
  trash?: boolean;
  defaultOrder?: OrderInput[];
}

const registered = new Map<Function, ListInputOptions>();
const built = new Map<Function, ListInputs>();

/** Names the list inputs of an entity; they are built on first use (relation filters refer to each other). */
export function declareListInputs(entity: Function, options: ListInputOptions): void {
  registered.set(entity, options);
}

function defaultOrderText(order: OrderInput[] | undefined): string {
  const first = order?.[0];
  if (!first) return '';
  const desc = first.direction === SortDirection.DESC;
  if (first.field === 'CREATED_AT') return desc ? ' (default: newest first)' : ' (default: oldest first)';
  if (first.field.endsWith('_AT')) return desc ? ' (default: latest first)' : ' (default: earliest first)';
  return ` (default: by ${first.field.toLowerCase().replace(/_/g, ' ')}${desc ? ', descending' : ''})`;
}

/** `<Type>Filter`, `<Type>SortField`, `<Type>OrderBy` and the list arguments of an entity. */
export function listInputsOf(entity: Function): ListInputs {
  const hit = built.get(entity);
  if (hit) return hit;
  const o = registered.get(entity);
  if (!o) throw new Error(`${entity.name} has no list inputs: declare it on the record kit`);
  const { typeName, plural } = o;

  const Filter = class {} as ClassType;
  Object.defineProperty(Filter, 'name', { value: `${typeName}Filter` });
  Field(() => [Filter], { nullable: true, description: 'All of these.' })(Filter.prototype, 'and');
  Field(() => [Filter], { nullable: true, description: 'Any of these.' })(Filter.prototype, 'or');
  Field(() => Filter, { nullable: true, description: 'Not this.' })(Filter.prototype, 'not');
  for (const mark of filterMarksOf(entity)) {
    Field(mark.type ?? filterTypeOf(entity, mark.property), { nullable: true, description: mark.description ?? sentence(mark.property) })(
      Filter.prototype,
      mark.property,
    );
  }
  const trashNote = o.trash ? ` Trashed ${plural} are left out unless \`deletedAt\` is filtered.` : '';
  InputType(`${typeName}Filter`, { description: `Conditions on ${plural}.${trashNote}` })(Filter);

  const sortable = sortMarksOf(entity);
  let SortField: Record<string, string> | undefined;
  let OrderBy: ClassType | undefined;
  if (sortable.length) {
    const values: Record<string, string> = {};
    for (const prop of sortable) values[upperSnake(prop)] = upperSnake(prop);
    registerEnumType(values, { name: `${typeName}SortField`, description: `Fields ${plural} can be sorted by.` });
    const Order = class {} as ClassType;
    Object.defineProperty(Order, 'name', { value: `${typeName}OrderBy` });
    Field(() => values, { description: 'Field.' })(Order.prototype, 'field');
    Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })(Order.prototype, 'direction');
    InputType(`${typeName}OrderBy`, { description: `A sort key for ${plural}.` })(Order);
    SortField = values;
    OrderBy = Order;
  }

  const ListArgs = class extends PageArgsInput {} as ClassType;
  Object.defineProperty(ListArgs, 'name', { value: `${typeName}ListArgs` });
  Field(() => Filter, { nullable: true, description: 'Conditions.' })(ListArgs.prototype, 'filter');
  if (OrderBy) {
    const order = OrderBy;
    Field(() => [order], { nullable: true, description: `Sort keys${defaultOrderText(o.defaultOrder)}; the id always breaks ties.` })(
      ListArgs.prototype,
      'orderBy',
    );
  }
  ArgsType()(ListArgs);

  const inputs = { Filter, SortField, OrderBy, ListArgs };
  built.set(entity, inputs);
  return inputs;
}
