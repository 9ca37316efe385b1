import { DealAccountOptionsDocument, DealContactOptionsDocument, UserOptionsDocument, type DealRowFragment } from '../../gql/graphql';

/** A deal as the screens select it, with overrides. */
export function dealRow(overrides: Partial<DealRowFragment> = {}): DealRowFragment {
  return {
    __typename: 'Deal',
    id: 'd1',
    name: 'Boiler service',
    stage: 'PROSPECTING',
    amount: '5000.00',
    probability: 40,
    expectedCloseDate: '2026-12-31',
    closedAt: null,
    lostReason: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    version: 3,
    account: { __typename: 'Account', id: 'a1', name: 'Acme' },
    primaryContact: { __typename: 'Contact', id: 'c1', firstName: 'Ida', lastName: 'Lind' },
    owner: { __typename: 'User', id: 'u1', name: 'Dana' },
    ...overrides,
  };
}

/** Picker queries the deal form sends (any number of times). */
export const pickerMocks = [
  {
    request: { query: DealAccountOptionsDocument, variables: {} },
    result: {
      data: {
        accounts: {
          __typename: 'AccountConnection' as const,
          edges: [
            { __typename: 'AccountEdge' as const, node: { __typename: 'Account' as const, id: 'a1', name: 'Acme' } },
            { __typename: 'AccountEdge' as const, node: { __typename: 'Account' as const, id: 'a2', name: 'Globex' } },
          ],
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
  ...['a1', 'a2'].map((accountId) => ({
    request: { query: DealContactOptionsDocument, variables: { accountId } },
    result: {
      data: {
        contacts: {
          __typename: 'ContactConnection' as const,
          edges: [{ __typename: 'ContactEdge' as const, node: { __typename: 'Contact' as const, id: accountId === 'a1' ? 'c1' : 'c2', firstName: 'Ida', lastName: accountId === 'a1' ? 'Lind' : 'Berg' } }],
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  })),
  {
    request: { query: UserOptionsDocument, variables: { first: 100 } },
    result: {
      data: {
        users: {
          __typename: 'UserConnection' as const,
          edges: [{ __typename: 'UserEdge' as const, node: { __typename: 'User' as const, id: 'u1', name: 'Dana', role: 'SALES_REP' as const } }],
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
];
