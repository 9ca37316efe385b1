import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import type { ArAgingReportQuery, LedgerAccountType, ProfitAndLossReportQuery, TrialBalanceReportQuery } from '../../gql/graphql';
import { ArAgingReportDocument, ProfitAndLossReportDocument, TrialBalanceReportDocument } from '../../gql/reports';
import { renderScreen, testUser } from '../../test/render';
import { ArAgingPage } from './ar-aging.page';
import { ProfitAndLossPage } from './profit-and-loss.page';
import { ReportsPage } from './reports.page';
import { TrialBalancePage } from './trial-balance.page';

// The drawings need a real layout engine; the figures are checked through the tables.
jest.mock('@mui/x-charts/BarChart', () => ({ BarChart: () => null }));

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

const manager = testUser('SALES_MANAGER', { id: 'u-mgr', name: 'Morgan Manager' });

const account = (id: string, code: string, name: string, type: LedgerAccountType) => ({ __typename: 'LedgerAccount' as const, id, code, name, type });
const cash = account('la-1000', '1000', 'Cash', 'ASSET');
const receivable = account('la-1100', '1100', 'Accounts receivable', 'ASSET');
const revenue = account('la-4000', '4000', 'Service revenue', 'REVENUE');
const tax = account('la-2100', '2100', 'Sales tax payable', 'LIABILITY');
const office = account('la-6400', '6400', 'Office and software', 'EXPENSE');

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) => Array.from(r.querySelectorAll('td, th')).map((c) => c.textContent));

describe('the trial balance', () => {
  it('shows each account on its side and the equal totals at the chosen date', async () => {
    const report: TrialBalanceReportQuery = {
      __typename: 'Query',
      trialBalance: {
        __typename: 'TrialBalance',
        asOf: '2026-04-30',
        totalDebit: '1210.83',
        totalCredit: '1210.83',
        rows: [
          { __typename: 'TrialBalanceRow', ledgerAccount: cash, debit: '1000.00', credit: '0.00' },
          { __typename: 'TrialBalanceRow', ledgerAccount: receivable, debit: '168.33', credit: '0.00' },
          { __typename: 'TrialBalanceRow', ledgerAccount: tax, debit: '0.00', credit: '12.83' },
          { __typename: 'TrialBalanceRow', ledgerAccount: revenue, debit: '0.00', credit: '1198.00' },
          { __typename: 'TrialBalanceRow', ledgerAccount: office, debit: '42.50', credit: '0.00' },
        ],
      },
    };
    const mocks: MockLink.MockedResponse[] = [{ request: { query: TrialBalanceReportDocument, variables: { asOf: '2026-04-30' } }, result: { data: report } }];
    renderScreen(<TrialBalancePage />, { user: manager, mocks, url: '/reports/trial-balance?asOf=2026-04-30' });
    const table = await screen.findByRole('table', { name: 'Trial balance' });
    expect(rowsOf(table)).toEqual([
      ['Account', 'Type', 'Debit', 'Credit'],
      ['1000 Cash', 'Asset', '$1,000.00', ''],
      ['1100 Accounts receivable', 'Asset', '$168.33', ''],
      ['2100 Sales tax payable', 'Liability', '', '$12.83'],
      ['4000 Service revenue', 'Revenue', '', '$1,198.00'],
      ['6400 Office and software', 'Expense', '$42.50', ''],
      ['Total', '', '$1,210.83', '$1,210.83'],
    ]);
    expect(screen.getByText('Debits equal credits at the end of Apr 30, 2026.')).toBeInTheDocument();
    expect(screen.getByLabelText('As of')).toHaveValue('2026-04-30');
    expect(within(table).getByRole('link', { name: '1000 Cash' })).toHaveAttribute('href', '/ledger-accounts/la-1000');
    const nav = screen.getByRole('navigation', { name: 'Reports' });
    expect(within(nav).getByRole('link', { name: 'Trial balance' })).toHaveAttribute('aria-current', 'page');
  });

  it('follows the date typed', async () => {
    const empty = (asOf: string): TrialBalanceReportQuery => ({
      __typename: 'Query',
      trialBalance: { __typename: 'TrialBalance', asOf, totalDebit: '0.00', totalCredit: '0.00', rows: [] },
    });
    const mocks: MockLink.MockedResponse[] = ['2026-04-30', '2025-12-31'].map((asOf) => ({
      request: { query: TrialBalanceReportDocument, variables: { asOf } },
      result: { data: empty(asOf) },
    }));
    renderScreen(<TrialBalancePage />, { user: manager, mocks, url: '/reports/trial-balance?asOf=2026-04-30' });
    expect(await screen.findByText('Nothing posted on or before Apr 30, 2026.')).toBeInTheDocument();
    const u = userEvent.setup({ delay: null });
    await u.clear(screen.getByLabelText('As of'));
    await u.type(screen.getByLabelText('As of'), '2025-12-31');
    expect(await screen.findByText('Nothing posted on or before Dec 31, 2025.')).toBeInTheDocument();
  });
});

describe('the profit and loss', () => {
  it('shows revenue and expense rows, their totals, net income and the months side by side', async () => {
    const report: ProfitAndLossReportQuery = {
      __typename: 'Query',
      profitAndLoss: {
        __typename: 'ProfitAndLoss',
        from: '2026-01-01',
        to: '2026-03-31',
        revenue: '1198.00',
        expenses: '42.50',
        netIncome: '1155.50',
        months: [
          { __typename: 'ProfitAndLossMonth', month: '2026-01', revenue: '0.00', expenses: '0.00' },
          { __typename: 'ProfitAndLossMonth', month: '2026-02', revenue: '1000.00', expenses: '0.00' },
          { __typename: 'ProfitAndLossMonth', month: '2026-03', revenue: '198.00', expenses: '42.50' },
        ],
        rows: [
          { __typename: 'ProfitAndLossRow', ledgerAccount: revenue, amount: '1198.00' },
          { __typename: 'ProfitAndLossRow', ledgerAccount: office, amount: '42.50' },
        ],
      },
    };
    // One query for the table and the months: a second request would find no mock.
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: ProfitAndLossReportDocument, variables: { from: '2026-01-01', to: '2026-03-31' } }, result: { data: report } },
    ];
    renderScreen(<ProfitAndLossPage />, { user: manager, mocks, url: '/reports/profit-and-loss?from=2026-01-01&to=2026-03-31' });
    const table = await screen.findByRole('table', { name: 'Profit and loss' });
    expect(rowsOf(table)).toEqual([
      ['Jan 1, 2026 – Mar 31, 2026', 'Amount'],
      ['Revenue'],
      ['4000 Service revenue', '$1,198.00'],
      ['Total revenue', '$1,198.00'],
      ['Expenses'],
      ['6400 Office and software', '$42.50'],
      ['Total expenses', '$42.50'],
      ['Net income', '$1,155.50'],
    ]);
    const months = await screen.findByRole('table', { name: 'Revenue and expenses by month' });
    expect(rowsOf(months)).toEqual([
      ['Month', 'Revenue', 'Expenses'],
      ['Jan 2026', '$0.00', '$0.00'],
      ['Feb 2026', '$1,000.00', '$0.00'],
      ['Mar 2026', '$198.00', '$42.50'],
    ]);
  });

  it('asks for a period that ends after it starts', async () => {
    renderScreen(<ProfitAndLossPage />, { user: manager, url: '/reports/profit-and-loss?from=2026-03-01&to=2026-01-31' });
    expect(await screen.findByText('must be on or after From')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('charts the last twelve months of a longer period, and no months for a single one', async () => {
    const month = (m: string) => ({ __typename: 'ProfitAndLossMonth' as const, month: m, revenue: '10.00', expenses: '1.00' });
    const months = [
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ];
    const of = (from: string, to: string, ms: string[]): MockLink.MockedResponse => ({
      request: { query: ProfitAndLossReportDocument, variables: { from, to } },
      result: {
        data: {
          __typename: 'Query',
          profitAndLoss: { __typename: 'ProfitAndLoss', from, to, revenue: '0.00', expenses: '0.00', netIncome: '0.00', months: ms.map(month), rows: [] },
        },
      },
    });
    const { unmount } = renderScreen(<ProfitAndLossPage />, {
      user: manager,
      mocks: [of('2025-01-01', '2026-02-15', months)],
      url: '/reports/profit-and-loss?from=2025-01-01&to=2026-02-15',
    });
    const chart = await screen.findByRole('table', { name: 'Revenue and expenses by month' });
    const rows = rowsOf(chart).slice(1);
    expect(rows).toHaveLength(12);
    expect(rows[0][0]).toBe('Mar 2025');
    expect(rows[11][0]).toBe('Feb 2026');
    unmount();
    renderScreen(<ProfitAndLossPage />, {
      user: manager,
      mocks: [of('2026-02-01', '2026-02-15', ['2026-02'])],
      url: '/reports/profit-and-loss?from=2026-02-01&to=2026-02-15',
    });
    expect(await screen.findByRole('table', { name: 'Profit and loss' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Revenue and expenses by month' })).not.toBeInTheDocument();
  });
});

describe('the AR aging', () => {
  it('shows each account’s open balance by age, the column totals, and the totals as bars', async () => {
    const buckets = (current: string, d30: string, d60: string, d90: string, over: string, total: string) => ({
      current,
      days1to30: d30,
      days31to60: d60,
      days61to90: d90,
      over90: over,
      total,
    });
    const report: ArAgingReportQuery = {
      __typename: 'Query',
      arAging: {
        __typename: 'ArAging',
        asOf: '2026-04-30',
        total: '668.33',
        totals: { __typename: 'ArAgingBuckets', ...buckets('168.33', '0.00', '500.00', '0.00', '0.00', '668.33') },
        rows: [
          {
            __typename: 'ArAgingRow',
            account: { __typename: 'Account', id: 'acc-2', name: 'Globex' },
            ...buckets('0.00', '0.00', '500.00', '0.00', '0.00', '500.00'),
          },
          {
            __typename: 'ArAgingRow',
            account: { __typename: 'Account', id: 'acc-1', name: 'Acme Corp' },
            ...buckets('168.33', '0.00', '0.00', '0.00', '0.00', '168.33'),
          },
        ],
      },
    };
    const mocks: MockLink.MockedResponse[] = [{ request: { query: ArAgingReportDocument, variables: { asOf: '2026-04-30' } }, result: { data: report } }];
    renderScreen(<ArAgingPage />, { user: manager, mocks, url: '/reports/ar-aging?asOf=2026-04-30' });
    const table = await screen.findByRole('table', { name: 'AR aging' });
    expect(rowsOf(table)).toEqual([
      ['Account', 'Current', '1–30 days', '31–60 days', '61–90 days', 'Over 90 days', 'Total'],
      ['Globex', '$0.00', '$0.00', '$500.00', '$0.00', '$0.00', '$500.00'],
      ['Acme Corp', '$168.33', '$0.00', '$0.00', '$0.00', '$0.00', '$168.33'],
      ['Total', '$168.33', '$0.00', '$500.00', '$0.00', '$0.00', '$668.33'],
    ]);
    expect(within(table).getByRole('link', { name: 'Globex' })).toHaveAttribute('href', '/accounts/acc-2');
    expect(rowsOf(screen.getByRole('table', { name: 'Owed by age' }))).toEqual([
      ['Age', 'Owed'],
      ['Current', '$168.33'],
      ['1–30 days', '$0.00'],
      ['31–60 days', '$500.00'],
      ['61–90 days', '$0.00'],
      ['Over 90 days', '$0.00'],
    ]);
  });
});

describe('the reports page', () => {
  it('links the three reports', async () => {
    renderScreen(<ReportsPage />, { user: manager, url: '/reports' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Reports' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Trial balance/ })).toHaveAttribute('href', '/reports/trial-balance');
    expect(screen.getByRole('link', { name: /Profit and loss/ })).toHaveAttribute('href', '/reports/profit-and-loss');
    expect(screen.getByRole('link', { name: /AR aging/ })).toHaveAttribute('href', '/reports/ar-aging');
  });
});
