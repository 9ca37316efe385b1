import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type NamedTypeNode,
  type SelectionNode,
  type TypeNode,
  type VariableDefinitionNode,
} from 'graphql';

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
const field = (n: string, selections?: SelectionNode[], args: string[] = []): SelectionNode => ({
  kind: Kind.FIELD,
  name: name(n),
  arguments: args.map((a) => ({ kind: Kind.ARGUMENT, name: name(a), value: { kind: Kind.VARIABLE, name: name(a) } })),
  selectionSet: selections && { kind: Kind.SELECTION_SET, selections },
});
function variable(n: string, type: string, o: { required?: boolean; list?: boolean } = {}): VariableDefinitionNode {
  const named: NamedTypeNode = { kind: Kind.NAMED_TYPE, name: name(type) };
  const inner: TypeNode = o.list ? { kind: Kind.LIST_TYPE, type: { kind: Kind.NON_NULL_TYPE, type: named } } : named;
  return {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: name(n) },
    type: o.required && !o.list ? { kind: Kind.NON_NULL_TYPE, type: named } : inner,
  };
}

/**
 * The global search query, put together from the fragments the searchable types declare in their
 * own documents: `search(query, first, types) { score node { __typename ...<Type>SearchHit } }`.
 */
export function searchDocument(fragments: DocumentNode[]): DocumentNode {
  const defs = new Map<string, FragmentDefinitionNode>();
  for (const doc of fragments) for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) defs.set(d.name.value, d);
  const spreads: SelectionNode[] = fragments.map((doc) => {
    const own = doc.definitions.find((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)!;
    return { kind: Kind.FRAGMENT_SPREAD, name: name(own.name.value) };
  });
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        name: name('GlobalSearch'),
        variableDefinitions: [variable('query', 'String', { required: true }), variable('first', 'Int'), variable('types', 'SearchType', { list: true })],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [field('search', [field('score'), field('node', [field('__typename'), ...spreads])], ['query', 'first', 'types'])],
        },
      },
      ...defs.values(),
    ],
  };
}
