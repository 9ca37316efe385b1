import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  FieldNode, FragmentDefinitionNode, getNamedType, GraphQLError, isCompositeType, Kind, OperationDefinitionNode,
  SelectionSetNode, ValidationContext, ValidationRule, GraphQLCompositeType, isObjectType, isInterfaceType, ValueNode,
} from 'graphql';

/** Request limits, each explicit (documented in the README). */
export const LIMITS = {
  maxDepth: 8, // every field level counts, `edges` and `node` included
  maxAliases: 15,
  maxCost: 50_000, // fields × enclosing page sizes
  defaultPageCost: 20,
  bodyBytes: 100 * 1024,
} as const;

function intArg(node: FieldNode, name: string, variables: Record<string, unknown> | undefined): number | null {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return null;
  const v: ValueNode = arg.value;
  if (v.kind === Kind.INT) return Number(v.value);
  if (v.kind === Kind.VARIABLE) {
    const val = variables?.[v.name.value];
    return typeof val === 'number' ? val : null;
  }
  return null;
}

/**
 * A cost ceiling that grows with page sizes: each field costs 1 × the product of the page sizes
 * (`first`/`last`, default 20) of the connections around it. Variables are not known during
 * validation, so a variable page size counts as the maximum (100).
 */
export function costLimitRule(maxCost: number = LIMITS.maxCost): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    const schema = context.getSchema();

    const costOf = (set: SelectionSetNode | undefined, type: GraphQLCompositeType | null, factor: number, seen: Set<string>): number => {
      if (!set) return 0;
      let total = 0;
      for (const sel of set.selections) {
        if (sel.kind === Kind.FIELD) {
          const fields = type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : undefined;
          const def = fields?.[sel.name.value];
          const named = def ? getNamedType(def.type) : null;
          const hasPaging = !!def?.args.some((a) => a.name === 'first' || a.name === 'last');
          const size = hasPaging
            ? Math.max(intArg(sel, 'first', undefined) ?? 0, intArg(sel, 'last', undefined) ?? 0) ||
              (sel.arguments?.some((a) => (a.name.value === 'first' || a.name.value === 'last') && a.value.kind === Kind.VARIABLE) ? 100 : LIMITS.defaultPageCost)
            : 1;
          total += factor + costOf(sel.selectionSet, named && isCompositeType(named) ? named : null, factor * size, seen);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          const t = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) as GraphQLCompositeType) : type;
          total += costOf(sel.selectionSet, t, factor, seen);
        } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
          const frag = fragments.get(sel.name.value);
          if (!frag || seen.has(frag.name.value)) continue;
          const t = schema.getType(frag.typeCondition.name.value) as GraphQLCompositeType;
          total += costOf(frag.selectionSet, t, factor, new Set([...seen, frag.name.value]));
        }
      }
      return total;
    };

    return {
      OperationDefinition(op: OperationDefinitionNode) {
        const root = op.operation === 'query' ? schema.getQueryType() : op.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
        const cost = costOf(op.selectionSet, root ?? null, 1, new Set());
        if (cost > maxCost) {
          context.reportError(new GraphQLError(`Query cost limit of ${maxCost} exceeded: this query costs ${cost} (fields × page sizes). Ask for smaller pages or fewer fields.`, { nodes: [op] }));
        }
      },
    };
  };
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
    maxDepthRule({ n: LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true, errorMessage: `Query depth limit of ${LIMITS.maxDepth} exceeded`, ...reportRejection }) as unknown as ValidationRule,
    maxAliasesRule({ n: LIMITS.maxAliases, exposeLimits: true, errorMessage: `Aliases limit of ${LIMITS.maxAliases} exceeded`, ...reportRejection }) as unknown as ValidationRule,
    costLimitRule(),
  ];
}
