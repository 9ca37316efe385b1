import { act, configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import type { ApolloClient, ObservableQuery } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import type { MockLink } from '@apollo/client/testing';
import type { LedgerAccountTreeQuery } from '../../gql/graphql';
import { LedgerAccountsDocument, LedgerAccountTreeDocument } from '../../gql/ledger-accounts';
import { inTurn } from '../../components/kit/list-controls';
import { renderEntityPage, renderScreen, testUser } from '../../test/render';
import { LedgerAccountTreePage } from './ledger-account-tree.page';
import type { TreeAccount } from './ledger-account-tree';

configure({ asyncUtilTimeout: 5000 });

const manager = testUser('SALES_MANAGER', { id: 'u-mgr', name: 'Morgan Manager' });

function account(id: string, code: string, name: string, over: Partial<TreeAccount> = {}): TreeAccount {
  return { __typename: 'LedgerAccount', id, code, name, type: 'EXPENSE', active: true, systemRole: null, balance: '0.00', parent: null, ...over };
}
const under = (id: string) => ({ __typename: 'LedgerAccount' as const, id });

const cash = account('la-1000', '1000', 'Cash', { type: 'ASSET', systemRole: 'CASH', balance: '12500.50' });
// The server rolls a group's balance up from the accounts under it.
const vehicles = account('la-6200', '6200', 'Vehicles and fuel', { balance: '350.00' });
const fuel = account('la-6210', '6210', 'Fuel', { parent: under('la-6200'), balance: '300.00' });
const tolls = account('la-6220', '6220', 'Tolls', { parent: under('la-6200'), balance: '50.00', active: false });
const office = account('la-6400', '6400', 'Office and software', { balance: '75.25' });

function page(rows: TreeAccount[], next: string | null): { data: LedgerAccountTreeQuery } {
  return {
    data: {
      __typename: 'Query',
      ledgerAccounts: {
        __typename: 'LedgerAccountConnection',
        totalCount: 5,
        edges: rows.map((node) => ({ __typename: 'LedgerAccountEdge', cursor: `cursor-${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: !!next, endCursor: next },
      },
    },
  };
}

// The chart in two pages, a group's accounts on the second one.
const mocks: MockLink.MockedResponse[] = [
  { request: { query: LedgerAccountTreeDocument, variables: { first: 100 } }, result: page([cash, vehicles, fuel], 'cursor-la-6210') },
  { request: { query: LedgerAccountTreeDocument, variables: { first: 100, after: 'cursor-la-6210' } }, result: page([tolls, office], null) },
];

const rowTexts = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [r.getAttribute('aria-level'), r.getAttribute('aria-expanded'), ...Array.from(r.querySelectorAll('td')).map((c) => c.textContent)]);

function renderTree() {
  renderScreen(<LedgerAccountTreePage />, {
    user: manager,
    mocks,
    url: '/ledger-accounts/tree',
    path: '/ledger-accounts/tree',
    extraRoutes: <Route path="/ledger-accounts/:id" element={<p>An account’s page</p>} />,
  });
  return screen.findByRole('treegrid', { name: 'Chart of accounts' });
}

describe('the chart of accounts as a tree', () => {
  it('nests the whole chart under its groups, each with its balance', async () => {
    const grid = await renderTree();
    expect(rowTexts(grid)).toEqual([
      ['1', null, '1000 Cash', 'Asset', '$12,500.50', 'System'],
      ['1', 'true', '6200 Vehicles and fuel', 'Expense', '$350.00', 'Active'],
      ['2', null, '6210 Fuel', 'Expense', '$300.00', 'Active'],
      ['2', null, '6220 Tolls', 'Expense', '$50.00', 'Inactive'],
      ['1', null, '6400 Office and software', 'Expense', '$75.25', 'Active'],
    ]);
    expect(within(grid).getByRole('link', { name: '6210 Fuel' })).toHaveAttribute('href', '/ledger-accounts/la-6210');
    expect(screen.getByRole('button', { name: 'Tree' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('closes and opens a group with its button', async () => {
    const grid = await renderTree();
    const u = userEvent.setup({ delay: null });
    await u.click(within(grid).getByRole('button', { name: 'Collapse 6200 Vehicles and fuel' }));
    expect(within(grid).queryByText('6210 Fuel')).not.toBeInTheDocument();
    expect(within(grid).getByText('6200 Vehicles and fuel').closest('tr')).toHaveAttribute('aria-expanded', 'false');
    await u.click(within(grid).getByRole('button', { name: 'Expand 6200 Vehicles and fuel' }));
    expect(within(grid).getByText('6210 Fuel')).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(within(grid).getAllByRole('row')).toHaveLength(4);
  });

  it('moves between rows with the arrow keys, opens and closes groups, and opens an account with Enter', async () => {
    const grid = await renderTree();
    const u = userEvent.setup({ delay: null });
    const row = (text: string) => within(grid).getByText(text).closest('tr')!;
    // The grid is one tab stop: its first row until another is chosen.
    expect(
      within(grid)
        .getAllByRole('row')
        .filter((r) => r.tabIndex === 0),
    ).toEqual([row('1000 Cash')]);
    await u.click(within(row('1000 Cash')).getByText('Asset'));
    expect(row('1000 Cash')).toHaveFocus();
    await u.keyboard('{ArrowDown}{ArrowDown}');
    expect(row('6210 Fuel')).toHaveFocus();
    await u.keyboard('{ArrowLeft}');
    expect(row('6200 Vehicles and fuel')).toHaveFocus();
    await u.keyboard('{ArrowLeft}');
    expect(row('6200 Vehicles and fuel')).toHaveAttribute('aria-expanded', 'false');
    await u.keyboard('{ArrowDown}');
    expect(row('6400 Office and software')).toHaveFocus();
    await u.keyboard('{ArrowUp}{ArrowRight}');
    expect(row('6200 Vehicles and fuel')).toHaveAttribute('aria-expanded', 'true');
    await u.keyboard('{ArrowRight}{Enter}');
    expect(await screen.findByText('An account’s page')).toBeInTheDocument();
  });

  it('fetches the next page in turn with a live refresh of the chart', async () => {
    let client: ApolloClient | undefined;
    function GrabClient() {
      client = useApolloClient();
      return null;
    }
    renderScreen(
      <>
        <LedgerAccountTreePage />
        <GrabClient />
      </>,
      { user: manager, mocks: [{ ...mocks[0], delay: 30 }, mocks[1]], url: '/ledger-accounts/tree', path: '/ledger-accounts/tree' },
    );
    const [query] = [...client!.getObservableQueries()].filter((q: ObservableQuery) => q.options.query === LedgerAccountTreeDocument);
    // A refresh of the chart (live-updates.ts) holds the query's turn before the first page arrives.
    let release!: () => void;
    const refresh = new Promise<void>((resolve) => (release = resolve));
    void inTurn(query, () => refresh);
    // The first page is in; the second waits for the refresh, so the tree is not shown yet.
    await act(() => new Promise((r) => setTimeout(r, 200)));
    expect(query.getCurrentResult().data?.ledgerAccounts?.edges).toHaveLength(3);
    expect(screen.queryByRole('treegrid')).not.toBeInTheDocument();
    await act(async () => release());
    const grid = await screen.findByRole('treegrid', { name: 'Chart of accounts' });
    expect(within(grid).getAllByRole('row')).toHaveLength(6);
  });

  it('is one of the list’s two views', async () => {
    const listMock: MockLink.MockedResponse = {
      request: { query: LedgerAccountsDocument, variables: { first: 25, filter: {}, orderBy: [{ field: 'CODE', direction: 'ASC' }] } },
      result: {
        data: {
          ledgerAccounts: {
            __typename: 'LedgerAccountConnection',
            totalCount: 0,
            edges: [],
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          },
        },
      },
    };
    renderEntityPage('LedgerAccount', 'list', {
      user: manager,
      mocks: [listMock],
      url: '/ledger-accounts',
      extraRoutes: <Route path="/ledger-accounts/tree" element={<p>The tree</p>} />,
    });
    const u = userEvent.setup({ delay: null });
    const view = await screen.findByRole('group', { name: 'View' });
    expect(within(view).getByRole('button', { name: 'List' })).toHaveAttribute('aria-pressed', 'true');
    await u.click(within(view).getByRole('button', { name: 'Tree' }));
    expect(await screen.findByText('The tree')).toBeInTheDocument();
  });
});
