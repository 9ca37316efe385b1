import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import type { LedgerAccountRowFragment, LedgerAccountsQuery, LedgerAccountsQueryVariables } from '../../gql/graphql';
import { CreateLedgerAccountDocument, LedgerAccountsDocument } from '../../gql/ledger-accounts';
import { renderEntityForm, renderEntityPage, testUser } from '../../test/render';

// Dialog transitions and MockLink delays take longer on a busy machine than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

const accountant = testUser('ACCOUNTANT', { id: 'u-acc', name: 'Avery Accountant' });
const manager = testUser('SALES_MANAGER', { id: 'u-mgr', name: 'Morgan Manager' });

function ledgerAccount(id: string, code: string, name: string, over: Partial<LedgerAccountRowFragment> = {}): LedgerAccountRowFragment {
  return {
    __typename: 'LedgerAccount',
    id,
    code,
    name,
    type: 'EXPENSE',
    active: true,
    systemRole: null,
    balance: '0.00',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
    parent: null,
    ...over,
  };
}

function page(rows: LedgerAccountRowFragment[]): { data: LedgerAccountsQuery } {
  return {
    data: {
      __typename: 'Query',
      ledgerAccounts: {
        __typename: 'LedgerAccountConnection',
        totalCount: rows.length,
        edges: rows.map((node) => ({ __typename: 'LedgerAccountEdge', cursor: `cursor-${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: rows.length ? `cursor-${rows[rows.length - 1].id}` : null },
      },
    },
  };
}

const vehicles = ledgerAccount('la-6200', '6200', 'Vehicles and fuel');
const fuel = ledgerAccount('la-6210', '6210', 'Fuel', { parent: { __typename: 'LedgerAccount', id: vehicles.id, code: '6200', name: 'Vehicles and fuel' } });
const cash = ledgerAccount('la-1000', '1000', 'Cash', { type: 'ASSET', systemRole: 'CASH', balance: '12500.50' });
const retired = ledgerAccount('la-6950', '6950', 'Old leases', { active: false });

const listVariables = (over: Partial<LedgerAccountsQueryVariables> = {}): LedgerAccountsQueryVariables => ({
  first: 25,
  filter: {},
  orderBy: [{ field: 'CODE', direction: 'ASC' }],
  ...over,
});

describe('the chart of accounts', () => {
  it('lists accounts by number with their type, group, balance and status, filtered from the URL', async () => {
    const variables = listVariables({ filter: { type: { in: ['EXPENSE', 'ASSET'] }, active: { eq: true } } });
    const mocks: MockLink.MockedResponse[] = [{ request: { query: LedgerAccountsDocument, variables }, result: page([cash, vehicles, fuel]) }];
    renderEntityPage('LedgerAccount', 'list', { user: accountant, mocks, url: '/ledger-accounts?type=EXPENSE,ASSET&status=active' });
    const table = await screen.findByRole('table', { name: 'Chart of accounts' });
    const rows = await within(table).findAllByRole('row');
    const text = rows.slice(1).map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );
    expect(text).toEqual([
      ['1000', 'Cash', 'Asset', '—', '$12,500.50', 'System'],
      ['6200', 'Vehicles and fuel', 'Expense', '—', '$0.00', 'Active'],
      ['6210', 'Fuel', 'Expense', '6200 Vehicles and fuel', '$0.00', 'Active'],
    ]);
    expect(screen.getByRole('button', { name: 'New ledger account' })).toBeInTheDocument();
  });

  it('is read-only for a sales manager: no way to add an account', async () => {
    const mocks: MockLink.MockedResponse[] = [{ request: { query: LedgerAccountsDocument, variables: listVariables() }, result: page([retired]) }];
    renderEntityPage('LedgerAccount', 'list', { user: manager, mocks, url: '/ledger-accounts' });
    const table = await screen.findByRole('table', { name: 'Chart of accounts' });
    expect(await within(table).findByText('Old leases')).toBeInTheDocument();
    expect(within(table).getByText('Inactive')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New ledger account' })).not.toBeInTheDocument();
  });
});

describe('adding a ledger account', () => {
  it('sends number, type and name, and shows the server’s refusal on the number field', async () => {
    const input = { code: '6210', type: 'EXPENSE', name: 'Fuel', parentId: null };
    const sent = jest.fn(() => ({
      errors: [
        new GraphQLError('Invalid input', {
          extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'code'], message: 'is already used by Fuel' }] },
        }),
      ],
    }));
    const mocks: MockLink.MockedResponse[] = [{ request: { query: CreateLedgerAccountDocument, variables: { input } }, result: sent }];
    const onSaved = jest.fn();
    await renderEntityForm('LedgerAccount', { onSaved }, { user: accountant, mocks });
    const u = userEvent.setup({ delay: null });
    await u.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getAllByText('is required')).toHaveLength(3); // number, type, name
    expect(sent).not.toHaveBeenCalled();

    await u.click(screen.getByLabelText(/Number/));
    await u.paste('6210');
    await u.click(screen.getByRole('combobox', { name: /Type/ }));
    await u.click(await screen.findByRole('option', { name: 'Expense' }));
    await u.click(screen.getByLabelText(/^Name/));
    await u.paste('Fuel');
    await u.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('is already used by Fuel')).toBeInTheDocument();
    expect(screen.getByLabelText(/Number/)).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toHaveBeenCalledTimes(1);
    expect(onSaved).not.toHaveBeenCalled();
  });
});
