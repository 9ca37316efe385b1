import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNullableType,
  GraphQLEnumType,
  GraphQLField,
  GraphQLLeafType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isListType,
  isLeafType,
  isNonNullType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  VariableDefinitionNode,
} from 'graphql';
import type { DataSource } from 'typeorm';
import type { Context } from '../context';
import { fieldGuardOf, type Check } from '../permissions/apply';
import type { Rule } from '../permissions/rules';
import { logger } from '../logger';
import { specOf, type ListSpec } from '../pagination/spec';
import { userDirectory } from '../records/directory';
import { allRecordKinds, recordKindOf, type RecordKind } from '../records/record-kind';

// A query plan: what a document asks of the record kit, compiled once per document so that a
// request runs as one SQL statement that returns every value the response needs. Anything the
// plan does not know (a custom resolver, a non-contextual rule, a directive, an interface) makes
// the document unplanned, and it runs through graphql-js as before.

/** How a column value travels: as JSON from SQL unchanged, as text, or as epoch milliseconds. */
export type Encoding = 'json' | 'text' | 'epochMs';

export interface LeafItem {
  t: 'leaf';
  key: string;
  /** The entity property, which is also the column. */
  column: string;
  encoding: Encoding;
  type: GraphQLLeafType;
  nonNull: boolean;
  /** Under a context root: the field's own rule, checked against the object (it is in hand). */
  check?: Check | null;
}
export interface TypenameItem {
  t: 'typename';
  key: string;
  name: string;
}
export interface RefItem {
  t: 'ref';
  key: string;
  via: string;
  node: NodePlan;
}
export type ConnPart =
  | TypenameItem
  | { t: 'edges'; key: string; items: (TypenameItem | { t: 'cursor'; key: string } | { t: 'node'; key: string })[] }
  | { t: 'nodes'; key: string }
  | { t: 'pageInfo'; key: string; items: (TypenameItem | { t: 'hasNextPage' | 'hasPreviousPage' | 'startCursor' | 'endCursor'; key: string })[] }
  | { t: 'totalCount'; key: string };
export interface ConnItem {
  t: 'conn';
  key: string;
  /** The parent's column this list hangs under (an inverse relation), or null for a root list. */
  via: string | null;
  field: GraphQLField<unknown, unknown>;
  fieldNode: FieldNode;
  parts: ConnPart[];
  node: NodePlan;
  counted: boolean;
  /** Whether any cursor is asked for (the rows then carry their sort keys). */
  cursors: boolean;
  /** Whether hasNextPage or hasPreviousPage is asked for (the page then reads one row beyond itself). */
  lookahead: boolean;
}
export type NodeItem = LeafItem | TypenameItem | RefItem | ConnItem;

export interface NodePlan {
  kind: RecordKind;
  spec: ListSpec;
  items: NodeItem[];
  /** Columns the node reads from its row (leaves, references' keys, the id under lists). */
  columns: string[];
}

export interface LookupRoot {
  t: 'lookup';
  key: string;
  field: GraphQLField<unknown, unknown>;
  fieldNode: FieldNode;
  node: NodePlan;
}
/** A root field answered from the request context (e.g. `me` from the signed-in user). */
export interface ContextRoot {
  t: 'context';
  key: string;
  resolve: ContextRootResolver;
  nonNull: boolean;
  items: (TypenameItem | LeafItem)[];
}
export type RootItem = ConnItem | LookupRoot | ContextRoot | TypenameItem;

export interface Plan {
  operation: OperationDefinitionNode;
  variables: readonly VariableDefinitionNode[];
  roots: RootItem[];
  /** Rules to hold before anything runs; a plan runs only when the request context decides each is true. */
  rules: Rule[];
  /** Whether any root needs the SQL statement. */
  sql: boolean;
}

/** Returns the object a context root answers with, null for none, or undefined to leave the request unplanned. */
export type ContextRootResolver = (ctx: Context) => Record<string, unknown> | null | undefined;

const contextRoots = new Map<string, ContextRootResolver>();

/** A root query field whose answer comes from the request context (the module that owns it provides it). */
export function providePlannedRoot(field: string, resolve: ContextRootResolver): void {
  contextRoots.set(field, resolve);
}

class Unplanned extends Error {}
const unplanned = (why: string): never => {
  throw new Unplanned(why);
};

/** A node's values are one json_build_array call (at most 100 arguments, a list row's sort keys included). */
const MAX_KEYS = 50;

interface Relations {
  refs: Map<string, { to: RecordKind; via: string }>;
  inverses: Map<string, { kind: RecordKind; via: string }>;
  lists: Map<string, RecordKind>;
  lookups: Map<string, RecordKind>;
}

/** The kind of the users the kit's owners are (the user directory's type). */
function directoryKind(): RecordKind | undefined {
  try {
    return recordKindOf(userDirectory().type().name);
  } catch {
    return undefined;
  }
}

function relationsOf(): Relations {
  const refs = new Map<string, { to: RecordKind; via: string }>();
  const inverses = new Map<string, { kind: RecordKind; via: string }>();
  const lists = new Map<string, RecordKind>();
  const lookups = new Map<string, RecordKind>();
  const users = directoryKind();
  for (const kind of allRecordKinds()) {
    if (kind.capabilities.list) lists.set(kind.names.many, kind);
    if (kind.capabilities.lookup) lookups.set(kind.names.one, kind);
    if (kind.capabilities.owned && users) refs.set(`${kind.typeName}.owner`, { to: users, via: 'ownerId' });
    for (const [field, ref] of Object.entries(kind.decl.references ?? {})) {
      refs.set(`${kind.typeName}.${field}`, { to: ref.to(), via: ref.via });
      if (ref.inverse) inverses.set(`${ref.to().typeName}.${ref.inverse.name}`, { kind, via: ref.via });
    }
  }
  return { refs, inverses, lists, lookups };
}

type Fields = Map<string, FieldNode[]>;

class Compiler {
  readonly rules = new Set<Rule>();
  private readonly relations = relationsOf();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly ds: DataSource,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
  ) {}

  /** Fields of a selection set by response key, in order, through fragments on the same type. */
  collect(type: GraphQLObjectType, set: SelectionSetNode, out: Fields = new Map()): Fields {
    for (const sel of set.selections) {
      if (sel.directives?.length) unplanned('directive');
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        const list = out.get(key);
        if (list) list.push(sel);
        else out.set(key, [sel]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (sel.typeCondition && sel.typeCondition.name.value !== type.name) unplanned('fragment on another type');
        this.collect(type, sel.selectionSet, out);
      } else {
        const fragment = this.fragments[sel.name.value];
        if (!fragment || fragment.typeCondition.name.value !== type.name || fragment.directives?.length) unplanned('fragment on another type');
        this.collect(type, fragment.selectionSet, out);
      }
    }
    return out;
  }

  /** The field's definition, its guard registered; refuses value-checked or row-dependent rules. */
  field(type: GraphQLObjectType, nodes: FieldNode[]): GraphQLField<unknown, unknown> {
    const def = type.getFields()[nodes[0].name.value] ?? unplanned('unknown field');
    const guard = fieldGuardOf(def) ?? unplanned('unguarded schema');
    if (guard.checksValues) unplanned('value-checked field');
    for (const r of guard.rules) this.rules.add(r);
    return def;
  }

  /** One selection set from every node of a response key (graphql-js merges them the same way). */
  merged(nodes: FieldNode[]): SelectionSetNode {
    return { kind: Kind.SELECTION_SET, selections: nodes.flatMap((n) => n.selectionSet?.selections ?? []) };
  }

  objectType(def: GraphQLField<unknown, unknown>): GraphQLObjectType {
    const t = getNullableType(def.type);
    return isObjectType(t) ? t : unplanned('not an object type');
  }

  /** The object type of a list field (`edges`, `nodes`). */
  listOf(def: GraphQLField<unknown, unknown>): GraphQLObjectType {
    const list = getNullableType(def.type);
    const t = isListType(list) ? getNullableType(list.ofType) : undefined;
    return isObjectType(t) ? t : unplanned('not a list of objects');
  }

  leaf(kind: RecordKind, spec: ListSpec, key: string, def: GraphQLField<unknown, unknown>): LeafItem {
    const guard = fieldGuardOf(def)!;
    if (guard.resolve !== undefined || def.args.length) unplanned('resolved field');
    const type = getNullableType(def.type);
    if (!isLeafType(type)) unplanned('list or object');
    const name = def.name;
    const column = spec.columns.get(name);
    if (!column || !spec.selectColumns.includes(name) || hasAccessor(kind.entity, name)) unplanned('not a column');
    const nonNull = isNonNullType(def.type);
    if (nonNull && column!.nullable) unplanned('nullable column behind a non-null field');
    const meta = this.ds.getMetadata(kind.entity).findColumnWithPropertyName(name)!;
    return { t: 'leaf', key, column: name, encoding: encodingOf(type as GraphQLLeafType, column!.cast, meta.scale), type: type as GraphQLLeafType, nonNull };
  }

  node(kind: RecordKind, type: GraphQLObjectType, set: SelectionSetNode): NodePlan {
    if (type.name !== kind.typeName) unplanned('another type');
    const spec = specOf(this.ds, kind.entity);
    const items: NodeItem[] = [];
    const columns = new Set<string>(['id']);
    for (const [key, nodes] of this.collect(type, set)) {
      const name = nodes[0].name.value;
      if (name === '__typename') {
        items.push({ t: 'typename', key, name: type.name });
        continue;
      }
      const def = this.field(type, nodes);
      const ref = this.relations.refs.get(`${type.name}.${name}`);
      const inverse = this.relations.inverses.get(`${type.name}.${name}`);
      if (ref) {
        if (!spec.columns.has(ref.via)) unplanned('reference without its column');
        columns.add(ref.via);
        const child = this.node(ref.to, this.objectType(def), this.merged(nodes));
        items.push({ t: 'ref', key, via: ref.via, node: child });
      } else if (inverse) {
        items.push(this.connection(inverse.kind, inverse.via, key, def, nodes));
      } else {
        const leaf = this.leaf(kind, spec, key, def);
        columns.add(leaf.column);
        items.push(leaf);
      }
    }
    if (items.length > MAX_KEYS) unplanned('too many keys');
    return { kind, spec, items, columns: [...columns] };
  }

  connection(kind: RecordKind, via: string | null, key: string, def: GraphQLField<unknown, unknown>, nodes: FieldNode[]): ConnItem {
    const connType = this.objectType(def);
    const parts: ConnPart[] = [];
    let node: NodePlan | undefined;
    let counted = false;
    const nodeOf = (type: GraphQLObjectType, ns: FieldNode[]) => {
      if (node) unplanned('nodes selected twice');
      node = this.node(kind, type, this.merged(ns));
    };
    for (const [k, ns] of this.collect(connType, this.merged(nodes))) {
      const name = ns[0].name.value;
      if (name === '__typename') {
        parts.push({ t: 'typename', key: k, name: connType.name });
        continue;
      }
      const d = this.field(connType, ns);
      if (name === 'edges') {
        const edgeType = this.listOf(d);
        const items: Extract<ConnPart, { t: 'edges' }>['items'] = [];
        for (const [ek, ens] of this.collect(edgeType, this.merged(ns))) {
          const en = ens[0].name.value;
          if (en === '__typename') items.push({ t: 'typename', key: ek, name: edgeType.name });
          else if (en === 'cursor') items.push({ t: 'cursor', key: this.plainKey(edgeType, ens, ek) });
          else if (en === 'node') {
            nodeOf(this.objectType(this.field(edgeType, ens)), ens);
            items.push({ t: 'node', key: ek });
          } else unplanned('edge field');
        }
        parts.push({ t: 'edges', key: k, items });
      } else if (name === 'nodes') {
        nodeOf(this.listOf(d), ns);
        parts.push({ t: 'nodes', key: k });
      } else if (name === 'pageInfo') {
        const infoType = this.objectType(d);
        const items: Extract<ConnPart, { t: 'pageInfo' }>['items'] = [];
        for (const [ik, ins] of this.collect(infoType, this.merged(ns))) {
          const n = ins[0].name.value;
          if (n === '__typename') items.push({ t: 'typename', key: ik, name: infoType.name });
          else if (n === 'hasNextPage' || n === 'hasPreviousPage' || n === 'startCursor' || n === 'endCursor')
            items.push({ t: n, key: this.plainKey(infoType, ins, ik) });
          else unplanned('page info field');
        }
        parts.push({ t: 'pageInfo', key: k, items });
      } else if (name === 'totalCount') {
        counted = true;
        parts.push({ t: 'totalCount', key: k });
      } else unplanned('connection field');
    }
    // Without nodes the rows are still fetched (cursors, page info): an empty node keeps one shape.
    node ??= { kind, spec: specOf(this.ds, kind.entity), items: [], columns: ['id'] };
    const asked = parts.flatMap((p) => (p.t === 'edges' || p.t === 'pageInfo' ? p.items.map((i) => i.t) : [p.t]));
    const cursors = asked.some((t) => t === 'cursor' || t === 'startCursor' || t === 'endCursor');
    const lookahead = asked.some((t) => t === 'hasNextPage' || t === 'hasPreviousPage');
    return { t: 'conn', key, via, field: def, fieldNode: nodes[0], parts, node, counted, cursors, lookahead };
  }

  /** A structural field (cursor, page info) whose guard is registered; returns its key. */
  private plainKey(type: GraphQLObjectType, nodes: FieldNode[], key: string): string {
    this.field(type, nodes);
    return key;
  }

  roots(operation: OperationDefinitionNode): RootItem[] {
    const query = this.schema.getQueryType()!;
    const roots: RootItem[] = [];
    for (const [key, nodes] of this.collect(query, operation.selectionSet)) {
      const name = nodes[0].name.value;
      if (name === '__typename') {
        roots.push({ t: 'typename', key, name: query.name });
        continue;
      }
      const def = this.field(query, nodes);
      const list = this.relations.lists.get(name);
      const lookup = this.relations.lookups.get(name);
      const fromContext = contextRoots.get(name);
      if (list) roots.push(this.connection(list, null, key, def, nodes));
      else if (lookup) roots.push({ t: 'lookup', key, field: def, fieldNode: nodes[0], node: this.node(lookup, this.objectType(def), this.merged(nodes)) });
      else if (fromContext) roots.push(this.contextRoot(key, def, nodes, fromContext));
      else unplanned('root field');
    }
    return roots;
  }

  private contextRoot(key: string, def: GraphQLField<unknown, unknown>, nodes: FieldNode[], resolve: ContextRootResolver): ContextRoot {
    const type = this.objectType(def);
    const items: (TypenameItem | LeafItem)[] = [];
    for (const [k, ns] of this.collect(type, this.merged(nodes))) {
      const name = ns[0].name.value;
      if (name === '__typename') {
        items.push({ t: 'typename', key: k, name: type.name });
        continue;
      }
      const d = type.getFields()[name] ?? unplanned('unknown field');
      const guard = fieldGuardOf(d) ?? unplanned('unguarded schema');
      const t = getNullableType(d.type);
      if (guard.checksValues || guard.resolve !== undefined || d.args.length || !isLeafType(t)) unplanned('resolved field');
      items.push({ t: 'leaf', key: k, column: d.name, encoding: 'json', type: t as GraphQLLeafType, nonNull: isNonNullType(d.type), check: guard.check });
    }
    return { t: 'context', key, resolve, nonNull: isNonNullType(def.type), items };
  }
}

/** A getter or method of that name on the entity would be what the default resolver reads. */
function hasAccessor(entity: Function, name: string): boolean {
  for (let proto = entity.prototype as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    if (Object.getOwnPropertyDescriptor(proto, name)) return true;
  }
  return false;
}

const TEXTUAL = new Set(['uuid', 'text', 'varchar', 'character varying', 'citext', 'char', 'character']);

/** How a column of this SQL type reaches the response exactly as the GraphQL type serialises it; unplanned otherwise. */
function encodingOf(type: GraphQLLeafType, cast: string, scale: number | undefined): Encoding {
  if (isEnumType(type)) {
    // The stored label must be the GraphQL value's name.
    const ok = cast.startsWith('"') && (type as GraphQLEnumType).getValues().every((v) => v.value === v.name);
    return ok ? 'json' : unplanned('enum values');
  }
  switch (type.name) {
    case 'ID':
    case 'String':
      return TEXTUAL.has(cast) ? 'json' : unplanned('string column');
    case 'Int':
      return cast === 'int' || cast === 'integer' || cast === 'smallint' ? 'json' : unplanned('int column');
    case 'Boolean':
      return cast === 'boolean' ? 'json' : unplanned('boolean column');
    case 'DateTimeISO':
      return cast === 'timestamptz' ? 'epochMs' : unplanned('timestamp column');
    case 'Date':
    case 'LocalDate':
      return cast === 'date' ? 'text' : unplanned('date column');
    case 'Money':
      return cast === 'numeric' && scale === 2 ? 'text' : unplanned('money column');
    default:
      return unplanned(`scalar ${type.name}`);
  }
}

/** The plan of a document's operation, or null when it must run through graphql-js. */
export function compilePlan(schema: GraphQLSchema, ds: DataSource, document: DocumentNode, operationName: string | null | undefined): Plan | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation || operation.operation !== 'query' || operation.directives?.length) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const compiler = new Compiler(schema, ds, fragments);
  try {
    const roots = compiler.roots(operation);
    return {
      operation,
      variables: operation.variableDefinitions ?? [],
      roots,
      rules: [...compiler.rules],
      sql: roots.some((r) => r.t === 'conn' || r.t === 'lookup'),
    };
  } catch (err) {
    if (err instanceof Unplanned) {
      logger.debug({ operation: operation.name?.value, reason: err.message }, 'query runs through graphql-js: not planned');
      return null;
    }
    throw err;
  }
}
