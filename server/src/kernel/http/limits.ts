import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  DocumentNode,
  FieldNode,
  getNamedType,
  GraphQLError,
  isCompositeType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
  GraphQLCompositeType,
  isObjectType,
  isInterfaceType,
  ValueNode,
} from 'graphql';

/** Request limits, each explicit (documented in the README). */
export const LIMITS = {
  maxDepth: 8, // every field level counts, `edges` and `node` included
  maxAliases: 15,
  maxCost: 50_000, // fields × enclosing page sizes
  defaultPageCost: 20,
  bodyBytes: 100 * 1024,
  // Checked on the parsed document before validation: they keep every validation rule linear
  // (graphql-js compares same-named fields and spread fragments pairwise) and its recursion shallow.
  maxFragmentSpreads: 100, // per request, each spread as written
  maxFieldRepeats: 10, // selections of one response key at one position of the result
  subscriptionsPerSocket: 20, // live subscriptions on one graphql-ws socket
  socketsPerUser: 20, // open graphql-ws sockets of one user on one API instance
} as const;

function intArg(node: FieldNode, name: string): number | null {
  const v: ValueNode | undefined = node.arguments?.find((a) => a.name.value === name)?.value;
  return v?.kind === Kind.INT ? Number(v.value) : null;
}

/** Costs past this are all "far too much": clamping keeps the arithmetic finite whatever the document says. */
const COST_CAP = 1e15;

function pageSize(node: FieldNode): number {
  const literal = Math.max(intArg(node, 'first') ?? 0, intArg(node, 'last') ?? 0);
  if (literal) return Math.min(literal, COST_CAP);
  const variable = node.arguments?.some((a) => (a.name.value === 'first' || a.name.value === 'last') && a.value.kind === Kind.VARIABLE);
  return variable ? 100 : LIMITS.defaultPageCost;
}

/**
 * A cost ceiling that grows with page sizes: each field costs 1 × the product of the page sizes
 * (`first`/`last`, default 20) of the connections around it. Variables are not known during
 * validation, so a variable page size counts as the maximum (100).
 *
 * A fragment costs the same wherever it is spread (its type condition fixes its fields), so its
 * cost at factor 1 is computed once and multiplied at each spread: the walk is linear in the
 * document, however often fragments spread each other.
 */
export function costLimitRule(maxCost: number = LIMITS.maxCost): ValidationRule {
  return (context: ValidationContext) => {
    const schema = context.getSchema();
    const fragmentCosts = new Map<string, number>();

    const fragmentCost = (name: string): number => {
      const known = fragmentCosts.get(name);
      if (known !== undefined) return known;
      const fragment = context.getFragment(name);
      if (!fragment) return 0; // unknown fragments are reported by KnownFragmentNames
      fragmentCosts.set(name, 0); // a spread cycle (reported by NoFragmentCycles) adds nothing
      const type = schema.getType(fragment.typeCondition.name.value);
      const cost = costOf(fragment.selectionSet, type && isCompositeType(type) ? type : null);
      fragmentCosts.set(name, cost);
      return cost;
    };

    /** The cost of a selection set at factor 1. */
    const costOf = (set: SelectionSetNode | undefined, type: GraphQLCompositeType | null): number => {
      if (!set) return 0;
      let total = 0;
      for (const sel of set.selections) {
        let cost = 0;
        if (sel.kind === Kind.FIELD) {
          const def = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[sel.name.value] : undefined;
          const named = def ? getNamedType(def.type) : null;
          const size = def?.args.some((a) => a.name === 'first' || a.name === 'last') ? pageSize(sel) : 1;
          cost = 1 + size * costOf(sel.selectionSet, named && isCompositeType(named) ? named : null);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          const t = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
          cost = costOf(sel.selectionSet, t && isCompositeType(t) ? t : null);
        } else {
          cost = fragmentCost(sel.name.value);
        }
        total = Math.min(total + cost, COST_CAP);
      }
      return total;
    };

    return {
      OperationDefinition(op: OperationDefinitionNode) {
        const root = op.operation === 'query' ? schema.getQueryType() : op.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
        const cost = costOf(op.selectionSet, root ?? null);
        if (cost > maxCost) {
          const amount = cost >= COST_CAP ? `more than ${COST_CAP}` : String(cost);
          context.reportError(
            new GraphQLError(
              `Query cost limit of ${maxCost} exceeded: this query costs ${amount} (fields × page sizes). Ask for smaller pages or fewer fields.`,
              { nodes: [op] },
            ),
          );
        }
      },
    };
  };
}

/**
 * The shape limits checked before validation: fragment spreads per request, and how often one
 * response key is selected at one position of the result (inline fragments and repeated parents
 * merged, as GraphQL merges them). Returns what is wrong, or null. One pass over the document.
 */
export function documentShapeProblem(document: DocumentNode): string | null {
  let spreads = 0;
  const roots: SelectionSetNode[][] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION || def.kind === Kind.FRAGMENT_DEFINITION) roots.push([def.selectionSet]);
  }
  // Each entry is the selection sets that merge into one position; every node is grouped once.
  const pending = roots;
  while (pending.length) {
    const sets = pending.pop()!;
    const byKey = new Map<string, FieldNode[]>();
    const flat = [...sets];
    while (flat.length) {
      for (const sel of flat.pop()!.selections) {
        if (sel.kind === Kind.FRAGMENT_SPREAD) spreads++;
        else if (sel.kind === Kind.INLINE_FRAGMENT) flat.push(sel.selectionSet);
        else {
          const key = sel.alias?.value ?? sel.name.value;
          const group = byKey.get(key);
          if (group) group.push(sel);
          else byKey.set(key, [sel]);
        }
      }
    }
    if (spreads > LIMITS.maxFragmentSpreads) {
      return `Fragment spreads limit of ${LIMITS.maxFragmentSpreads} exceeded: a request may spread fragments at most ${LIMITS.maxFragmentSpreads} times.`;
    }
    for (const [key, fields] of byKey) {
      if (fields.length > LIMITS.maxFieldRepeats) {
        return `Field repeats limit of ${LIMITS.maxFieldRepeats} exceeded: "${key.slice(0, 100)}" is selected ${fields.length} times at one place. Select it once.`;
      }
      const children = fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
      if (children.length) pending.push(children);
    }
  }
  return null;
}

/**
 * graphql-armor rules throw by default (made for envelop); a throw inside Apollo's validation
 * becomes a masked HTTP 500, so they report a validation error (HTTP 400) instead.
 */
const reportRejection = {
  propagateOnRejection: false,
  onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(new GraphQLError(err.message.replace(/^Syntax Error: /, '')))],
};

export function validationRules(): ValidationRule[] {
  return [
    maxDepthRule({
      n: LIMITS.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: true,
      exposeLimits: true,
      errorMessage: `Query depth limit of ${LIMITS.maxDepth} exceeded`,
      ...reportRejection,
    }) as unknown as ValidationRule,
    maxAliasesRule({
      n: LIMITS.maxAliases,
      exposeLimits: true,
      errorMessage: `Aliases limit of ${LIMITS.maxAliases} exceeded`,
      ...reportRejection,
    }) as unknown as ValidationRule,
    costLimitRule(),
  ];
}
