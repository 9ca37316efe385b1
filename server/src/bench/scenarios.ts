/** The benchmark's GraphQL operations (DESIGN.md §7). */
export const SCENARIOS = {
  me: `query Me { me { id name email role } }`,
  accounts: `query Accounts { accounts(first: 20, orderBy: [{ field: CREATED_AT, direction: DESC }]) { edges { cursor node { id name industry website phone email createdAt } } pageInfo { hasNextPage endCursor } } }`,
  nested: `query NestedDeals { deals(first: 20) { edges { node { id name amount stage account { id name } owner { id name } interactions(first: 5) { edges { node { id type subject occurredAt } } } } } } }`,
  deepPage: `query DeepPage($after: String) { accounts(first: 20, after: $after, orderBy: [{ field: CREATED_AT, direction: DESC }]) { edges { cursor node { id name industry website phone email createdAt } } pageInfo { hasNextPage endCursor } } }`,
} as const;

export type ScenarioName = keyof typeof SCENARIOS;
