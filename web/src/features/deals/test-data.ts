import type { DealRowFragment } from '../../gql/graphql';
import { AccountOptionsDocument } from '../../gql/accounts';
import { ContactOptionsDocument } from '../../gql/contacts';

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

const accountEdge = (id: string, name: string) => ({ __typename: 'AccountEdge' as const, node: { __typename: 'Account' as const, id, name, industry: null } });
const contactEdge = (id: string, lastName: string, account: { id: string; name: string }) => ({
  __typename: 'ContactEdge' as const,
  node: { __typename: 'Contact' as const, id, firstName: 'Ida', lastName, email: null, account: { __typename: 'Account' as const, ...account } },
});

/** Picker queries the deal form sends (any number of times): two accounts, one contact at each. */
export const pickerMocks = [
  {
    request: { query: AccountOptionsDocument, variables: { filter: {}, first: 20 } },
    result: { data: { accounts: { __typename: 'AccountConnection' as const, edges: [accountEdge('a1', 'Acme'), accountEdge('a2', 'Globex')] } } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  },
  ...[['a1', 'Acme', 'c1', 'Lind'] as const, ['a2', 'Globex', 'c2', 'Berg'] as const].map(([accountId, name, contactId, lastName]) => ({
    request: { query: ContactOptionsDocument, variables: { filter: { account: { id: { eq: accountId } } }, first: 20 } },
    result: { data: { contacts: { __typename: 'ContactConnection' as const, edges: [contactEdge(contactId, lastName, { id: accountId, name })] } } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  })),
];
