import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import type { AccountRowFragment } from '../../gql/graphql';
import { AccountsDocument } from '../../gql/accounts';
import { renderEntityPage } from '../../test/render';
import { feedEntry } from '../../test/mocks';
import { createLiveUpdater } from './live-updates';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

function account(n: number, name = `Account ${n}`): AccountRowFragment {
  return {
    __typename: 'Account',
    id: `a${n}`,
    name,
    industry: null,
    email: null,
    phone: null,
    creditLimit: '100.00',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    version: 1,
    owner: { __typename: 'User', id: 'u1', name: 'Dana' },
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function page(rows: AccountRowFragment[], hasNextPage: boolean) {
  return {
    data: {
      accounts: {
        __typename: 'AccountConnection' as const,
        totalCount: 60,
        edges: rows.map((node) => ({ __typename: 'AccountEdge' as const, cursor: `c-${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage, endCursor: rows.length ? `c-${rows[rows.length - 1].id}` : null },
      },
    },
  };
}

let client: ApolloClient | null = null;
function ClientProbe() {
  client = useApolloClient();
  return null;
}

const entry = feedEntry({ entityId: 'a40', entityLabel: 'Account 40 renamed', changes: { name: { from: 'Account 40', to: 'Account 40 renamed' } } });

describe('a live update of a list with several loaded pages', () => {
  it('fetches as many rows as are shown, so both pages stay (with the change)', async () => {
    const base = { filter: {}, orderBy: [{ field: 'CREATED_AT', direction: 'DESC' }], withCredit: true };
    const renamed = range(1, 50).map((n) => (n === 40 ? account(n, 'Account 40 renamed') : account(n)));
    const mocks = [
      {
        request: { query: AccountsDocument, variables: { first: 25, ...base } },
        result: page(
          range(1, 25).map((n) => account(n)),
          true,
        ),
      },
      {
        request: { query: AccountsDocument, variables: { first: 25, ...base, after: 'c-a25' } },
        result: page(
          range(26, 50).map((n) => account(n)),
          true,
        ),
      },
      // Both loaded pages in one request: the rows the reader has, refreshed.
      { request: { query: AccountsDocument, variables: { first: 50, ...base, after: null } }, result: page(renamed, true) },
      // What a plain refetch would ask for (it would collapse the list to its first page).
      { request: { query: AccountsDocument, variables: { first: 25, ...base } }, result: page(renamed.slice(0, 25), true) },
    ];
    renderEntityPage('Account', 'list', { role: 'SALES_MANAGER', mocks, beside: <ClientProbe /> });
    const table = await screen.findByRole('table', { name: 'Accounts' });
    await within(table).findByRole('link', { name: 'Account 1' });
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Load more' }));
    await within(table).findByRole('link', { name: 'Account 50' });
    expect(screen.getByText('Showing 50 of 60')).toBeInTheDocument();

    const live = createLiveUpdater(client!, 0);
    live.push(entry);
    expect(await within(table).findByRole('link', { name: 'Account 40 renamed' })).toBeInTheDocument();
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(51));
    expect(screen.getByText('Showing 50 of 60')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument();
    live.stop();
  });

  it('keeps the page a reader loads while a refresh of the first page is still on its way', async () => {
    const base = { filter: {}, orderBy: [{ field: 'CREATED_AT', direction: 'DESC' }], withCredit: true };
    const renamed = range(1, 50).map((n) => (n === 20 ? account(n, 'Account 20 renamed') : account(n)));
    const mocks = [
      {
        request: { query: AccountsDocument, variables: { first: 25, ...base } },
        result: page(
          range(1, 25).map((n) => account(n)),
          true,
        ),
      },
      // The refresh answers slowly; "Load more" is clicked meanwhile and pages on from its answer.
      { request: { query: AccountsDocument, variables: { first: 25, ...base } }, result: page(renamed.slice(0, 25), true), delay: 300 },
      { request: { query: AccountsDocument, variables: { first: 25, ...base, after: 'c-a25' } }, result: page(renamed.slice(25), true) },
    ];
    renderEntityPage('Account', 'list', { role: 'SALES_MANAGER', mocks, beside: <ClientProbe /> });
    const table = await screen.findByRole('table', { name: 'Accounts' });
    await within(table).findByRole('link', { name: 'Account 1' });

    const live = createLiveUpdater(client!, 0);
    live.push(feedEntry({ entityId: 'a20', entityLabel: 'Account 20 renamed' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Load more' }));

    await within(table).findByRole('link', { name: 'Account 50' });
    expect(within(table).getByRole('link', { name: 'Account 20 renamed' })).toBeInTheDocument();
    // Nothing lands afterwards to collapse the list back to its first page.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('Showing 50 of 60')).toBeInTheDocument();
    live.stop();
  });
});
