import { screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import type { ApolloClient } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import type { MockLink } from '@apollo/client/testing';
import type { DashboardFinancialsQuery, DashboardStatsQuery } from '../../gql/graphql';
import { DashboardFinancialsDocument, DashboardStatsDocument } from '../../gql/dashboard';
import { feedEntry } from '../../test/mocks';
import { capabilitiesFor } from '../../test/capabilities';
import { renderScreen, testUser } from '../../test/render';
import { createLiveUpdater } from '../activity/live-updates';
import { DashboardPage } from './DashboardPage';

// The drawings need a real layout engine; the figures are checked through the cards and data tables.
jest.mock('@mui/x-charts/BarChart', () => ({ BarChart: () => null }));
jest.mock('@mui/x-charts/LineChart', () => ({ LineChart: () => null }));

const STAGES = ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'] as const;

function stats(overrides: Partial<DashboardStatsQuery['dealStats']> = {}): DashboardStatsQuery {
  const amounts: Record<string, [number, string]> = {
    PROSPECTING: [2, '1000.25'],
    QUALIFICATION: [1, '234.25'],
    PROPOSAL: [0, '0.00'],
    NEGOTIATION: [1, '0.00'],
    CLOSED_WON: [3, '5000.00'],
    CLOSED_LOST: [1, '10.00'],
  };
  return {
    __typename: 'Query',
    dealStats: {
      __typename: 'DealStats',
      openPipelineAmount: '1234.50',
      openDealCount: 4,
      wonThisMonthCount: 2,
      wonThisMonthAmount: '4000.00',
      winRate: 2 / 3,
      winRateDays: 90,
      wonInWindow: 2,
      lostInWindow: 1,
      interactionsThisWeek: 7,
      byStage: STAGES.map((stage) => ({ __typename: 'DealStageStat' as const, stage, count: amounts[stage][0], amount: amounts[stage][1] })),
      wonByMonth: Array.from({ length: 12 }, (_, i) => ({
        __typename: 'DealMonthStat' as const,
        month: `2026-${String(i + 1).padStart(2, '0')}`,
        count: i === 11 ? 2 : 0,
        amount: i === 11 ? '4000.00' : '0.00',
      })),
      ...overrides,
    },
  };
}

const kpi = (label: string) => screen.getByRole('group', { name: label });

function books(arOutstanding = '668.33', revenueThisMonth = '1198.00'): DashboardFinancialsQuery {
  return {
    __typename: 'Query',
    financialSummary: {
      __typename: 'FinancialSummary',
      arOutstanding,
      revenueThisMonth,
      revenueByMonth: Array.from({ length: 12 }, (_, i) => ({
        __typename: 'MonthRevenue' as const,
        month: `2026-${String(i + 1).padStart(2, '0')}`,
        amount: i === 11 ? revenueThisMonth : '0.00',
      })),
    },
  };
}

/** The books' figures, for the roles that read financials. */
const booksMock = (data = books()): MockLink.MockedResponse => ({ request: { query: DashboardFinancialsDocument }, result: { data }, maxUsageCount: 5 });

describe('DashboardPage', () => {
  it('shows the KPIs and chart tables from dealStats, with the interaction count for a manager', async () => {
    const mocks = [{ request: { query: DashboardStatsDocument, variables: { withInteractions: true } }, result: { data: stats() } }, booksMock()];
    renderScreen(<DashboardPage />, { role: 'SALES_MANAGER', mocks });
    expect(await within(await screen.findByRole('group', { name: 'Open pipeline' })).findByText('$1,234.50')).toBeInTheDocument();
    expect(within(kpi('Open pipeline')).getByText('4 open deals')).toBeInTheDocument();
    expect(within(kpi('Won this month')).getByText('$4,000.00')).toBeInTheDocument();
    expect(within(kpi('Won this month')).getByText('2 deals')).toBeInTheDocument();
    expect(within(kpi('Win rate')).getByText('67 %')).toBeInTheDocument();
    expect(within(kpi('Win rate')).getByText('2 won, 1 lost in the last 90 days')).toBeInTheDocument();
    expect(within(kpi('Interactions this week')).getByText('7')).toBeInTheDocument();

    const byStage = screen.getByRole('table', { name: 'Open pipeline by stage' });
    expect(
      within(byStage)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['StageDealsAmount', 'Prospecting2$1,000.25', 'Qualification1$234.25', 'Proposal0$0.00', 'Negotiation1$0.00']);
    const byMonth = screen.getByRole('table', { name: /Won by month/ });
    expect(within(byMonth).getAllByRole('row')).toHaveLength(13);
    expect(screen.getByRole('region', { name: 'Open pipeline by stage' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Won by month' })).toBeInTheDocument();
  });

  it('leaves the interaction count out for an accountant (who may not read interactions)', async () => {
    const mocks = [
      {
        request: { query: DashboardStatsDocument, variables: { withInteractions: false } },
        result: { data: stats({ interactionsThisWeek: undefined, winRate: null, wonInWindow: 0, lostInWindow: 0 }) },
      },
      booksMock(),
    ];
    renderScreen(<DashboardPage />, { role: 'ACCOUNTANT', mocks });
    expect(await screen.findByRole('group', { name: 'Win rate' })).toHaveTextContent('—');
    expect(kpi('Win rate')).toHaveTextContent('No deals closed in the last 90 days');
    expect(screen.queryByRole('group', { name: 'Interactions this week' })).not.toBeInTheDocument();
  });

  it('says when there are no deals yet', async () => {
    const empty = stats({
      openPipelineAmount: '0.00',
      openDealCount: 0,
      wonThisMonthCount: 0,
      wonThisMonthAmount: '0.00',
      winRate: null,
      wonInWindow: 0,
      lostInWindow: 0,
      byStage: STAGES.map((stage) => ({ __typename: 'DealStageStat' as const, stage, count: 0, amount: '0.00' })),
    });
    renderScreen(<DashboardPage />, {
      role: 'SALES_REP',
      mocks: [{ request: { query: DashboardStatsDocument, variables: { withInteractions: true } }, result: { data: empty } }],
    });
    expect(await screen.findByText('No deals yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to deals' })).toHaveAttribute('href', '/deals');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it.each([
    ['a manager', 'SALES_MANAGER', 'ALL', 'Team pipeline'],
    ['a rep', 'SALES_REP', 'OWN', 'Your pipeline'],
    // The server's word, not the role's name: a manager told they read only their own deals.
    ['a manager who reads only their own deals', 'SALES_MANAGER', 'OWN', 'Your pipeline'],
  ] as const)('titles the figures of %s (role %s, deal read scope %s) “%s”', async (_who, role, read, subtitle) => {
    const capabilities = capabilitiesFor(role).map((c) => (c.entityType === 'Deal' ? { ...c, read } : c));
    const mocks = [{ request: { query: DashboardStatsDocument, variables: { withInteractions: true } }, result: { data: stats() } }, booksMock()];
    renderScreen(<DashboardPage />, { user: testUser(role, { capabilities }), mocks });
    expect(await screen.findByRole('group', { name: 'Open pipeline' })).toBeInTheDocument();
    expect(screen.getByText(subtitle)).toBeInTheDocument();
  });

  it('shows an error by its code, with a retry', async () => {
    const mocks = [
      {
        request: { query: DashboardStatsDocument, variables: { withInteractions: true } },
        result: { errors: [new GraphQLError('nope', { extensions: { code: 'FORBIDDEN' } })] },
      },
    ];
    renderScreen(<DashboardPage />, { role: 'SALES_REP', mocks });
    expect(await screen.findByText('You do not have permission to do that.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it.each(['DISPATCHER', 'TECHNICIAN'] as const)('a %s sees a welcome and sends no dealStats query', async (role) => {
    const sent = jest.fn(() => ({ data: stats() }));
    const mocks = [false, true].map((withInteractions) => ({ request: { query: DashboardStatsDocument, variables: { withInteractions } }, result: sent }));
    renderScreen(<DashboardPage />, { role, mocks });
    expect(await screen.findByRole('heading', { name: `Welcome, Test ${role.toLowerCase()}` })).toBeInTheDocument();
    // The welcome renders in place of the figures, with the query skipped: nothing was or will be sent.
    expect(sent).not.toHaveBeenCalled();
    expect(screen.queryByRole('group', { name: 'Open pipeline' })).not.toBeInTheDocument();
  });

  it('shows the books’ figures to those who read financials, and keeps them current from the feed', async () => {
    let client: ApolloClient | null = null;
    function ClientProbe() {
      client = useApolloClient();
      return null;
    }
    let current = books();
    const mocks = [
      { request: { query: DashboardStatsDocument, variables: { withInteractions: false } }, result: { data: stats({ interactionsThisWeek: undefined }) } },
      { request: { query: DashboardFinancialsDocument }, result: () => ({ data: current }), maxUsageCount: 5 },
    ];
    renderScreen(<DashboardPage />, { role: 'ACCOUNTANT', mocks, beside: <ClientProbe /> });
    expect(await screen.findByRole('group', { name: 'AR outstanding' })).toHaveTextContent('$668.33');
    expect(kpi('Revenue this month')).toHaveTextContent('$1,198.00');
    expect(kpi('Revenue this month')).toHaveTextContent('Posted in Dec 2026');
    const byMonth = screen.getByRole('table', { name: 'Revenue by month, last twelve months' });
    expect(within(byMonth).getAllByRole('row')).toHaveLength(13);
    expect(within(byMonth).getByRole('row', { name: 'Dec 2026 $1,198.00' })).toBeInTheDocument();

    // A payment elsewhere: the feed's entry refreshes the figures.
    current = books('568.33');
    const updater = createLiveUpdater(client!, 0);
    updater.push(feedEntry({ entityType: 'Payment', entityId: 'pay-9', entityLabel: 'Payment of 100.00', action: 'CREATED' }));
    await waitFor(() => expect(kpi('AR outstanding')).toHaveTextContent('$568.33'));
    updater.stop();
  });

  it('shows a sales rep no financial figures and asks for none', async () => {
    const sent = jest.fn(() => ({ data: books() }));
    const mocks = [
      { request: { query: DashboardStatsDocument, variables: { withInteractions: true } }, result: { data: stats() } },
      { request: { query: DashboardFinancialsDocument }, result: sent },
    ];
    renderScreen(<DashboardPage />, { role: 'SALES_REP', mocks });
    expect(await screen.findByRole('group', { name: 'Open pipeline' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'AR outstanding' })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Revenue this month' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Revenue by month' })).not.toBeInTheDocument();
    expect(sent).not.toHaveBeenCalled();
  });
});
