import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { DealRowFragment, DealStage } from '../../gql/graphql';
import { DealBoardDocument, MoveDealStageDocument } from '../../gql/deals';
import { renderScreen } from '../../test/render';
import { BOARD_PAGE_SIZE, DealBoardPage } from './DealBoardPage';
import { dealRow } from './test-data';

const KEYS: Record<DealStage, string> = {
  PROSPECTING: 'prospecting',
  QUALIFICATION: 'qualification',
  PROPOSAL: 'proposal',
  NEGOTIATION: 'negotiation',
  CLOSED_WON: 'closedWon',
  CLOSED_LOST: 'closedLost',
};

/** The board's answer: each deal in its stage's column, and the server's per-stage totals. */
function board(deals: DealRowFragment[], totals: Partial<Record<DealStage, [number, string]>> = {}) {
  const data: Record<string, unknown> = { __typename: 'Query' };
  for (const [stage, key] of Object.entries(KEYS) as [DealStage, string][]) {
    data[key] = {
      __typename: 'DealConnection',
      edges: deals.filter((d) => d.stage === stage).map((node) => ({ __typename: 'DealEdge', cursor: `c-${node.id}`, node })),
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    };
  }
  data.dealStats = {
    __typename: 'DealStats',
    byStage: (Object.keys(KEYS) as DealStage[]).map((stage) => ({
      __typename: 'DealStageStat',
      stage,
      count: totals[stage]?.[0] ?? 0,
      amount: totals[stage]?.[1] ?? '0.00',
    })),
  };
  return { data };
}

const boardMock = (result: ReturnType<typeof board>) => ({ request: { query: DealBoardDocument, variables: { first: BOARD_PAGE_SIZE } }, result });
const column = (name: string) => screen.getByRole('region', { name });

describe('DealBoardPage', () => {
  const deal = dealRow({ id: 'd1', name: 'Big boiler', stage: 'PROPOSAL', amount: '9000.00', version: 2 });
  const other = dealRow({ id: 'd2', name: 'Small boiler', stage: 'PROSPECTING', amount: '100.00' });

  it('shows a column per stage with the server’s count and total', async () => {
    renderScreen(<DealBoardPage />, { role: 'SALES_REP', mocks: [boardMock(board([deal, other], { PROPOSAL: [3, '12000.50'], PROSPECTING: [1, '100.00'] }))] });
    await screen.findByRole('link', { name: 'Big boiler' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Prospecting',
      'Qualification',
      'Proposal',
      'Negotiation',
      'Won',
      'Lost',
    ]);
    expect(within(column('Proposal')).getByText('3 deals · $12,000.50')).toBeInTheDocument();
    expect(within(column('Proposal')).getByRole('link', { name: 'Big boiler' })).toBeInTheDocument();
    expect(within(column('Prospecting')).getByText('1 deal · $100.00')).toBeInTheDocument();
    expect(within(column('Won')).getByText('No deals')).toBeInTheDocument();
  });

  it('moving a deal to Lost through its “Move to…” menu asks for the reason and sends it', async () => {
    const lost = { ...deal, stage: 'CLOSED_LOST' as const, lostReason: 'Budget cut', closedAt: '2026-03-01T00:00:00.000Z', version: 3 };
    const move = jest.fn(() => ({ data: { moveDealStage: { ...lost, project: null } } }));
    const mocks = [
      boardMock(board([deal, other])),
      { request: { query: MoveDealStageDocument, variables: { id: 'd1', stage: 'CLOSED_LOST', lostReason: 'Budget cut', expectedVersion: 2 } }, result: move },
      boardMock(board([lost, other], { CLOSED_LOST: [1, '9000.00'] })),
    ];
    renderScreen(<DealBoardPage />, { role: 'SALES_REP', mocks });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Move Big boiler to…' }));
    const items = screen.getAllByRole('menuitem').map((i) => i.textContent);
    expect(items).toEqual(['Prospecting', 'Qualification', 'Negotiation', 'Won…', 'Lost…']);
    await user.click(screen.getByRole('menuitem', { name: 'Lost…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Why was “Big boiler” lost?' });
    await user.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    expect(await within(dialog).findByText('is required')).toBeInTheDocument();
    expect(move).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText(/Lost reason/), '  Budget cut ');
    await user.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    await waitFor(() => expect(move).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(within(column('Lost')).getByRole('link', { name: 'Big boiler' })).toBeInTheDocument());
    expect(within(column('Lost')).getByText('1 deal · $9,000.00')).toBeInTheDocument();
    expect(within(column('Proposal')).queryByRole('link', { name: 'Big boiler' })).not.toBeInTheDocument();
  });

  it('winning through the menu asks for confirmation, then shows the created project', async () => {
    const won = { ...deal, stage: 'CLOSED_WON' as const, closedAt: '2026-03-01T00:00:00.000Z', probability: 100, version: 3 };
    const mocks = [
      boardMock(board([deal])),
      {
        request: { query: MoveDealStageDocument, variables: { id: 'd1', stage: 'CLOSED_WON', lostReason: null, expectedVersion: 2 } },
        result: { data: { moveDealStage: { ...won, project: { __typename: 'Project' as const, id: 'p1', name: 'Acme rollout', status: 'ACTIVE' as const } } } },
      },
      boardMock(board([won], { CLOSED_WON: [1, '9000.00'] })),
    ];
    renderScreen(<DealBoardPage />, { role: 'SALES_MANAGER', mocks });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Move Big boiler to…' }));
    await user.click(screen.getByRole('menuitem', { name: 'Won…' }));
    await user.click(await screen.findByRole('button', { name: 'Mark as won' }));
    const link = await screen.findByRole('link', { name: 'Project “Acme rollout” created' });
    expect(link).toHaveAttribute('href', '/deals/d1');
    await waitFor(() => expect(within(column('Won')).getByRole('link', { name: 'Big boiler' })).toBeInTheDocument());
  });

  it('explains a CONFLICT and offers a reload', async () => {
    const mocks = [
      boardMock(board([deal])),
      {
        request: { query: MoveDealStageDocument, variables: { id: 'd1', stage: 'NEGOTIATION', lostReason: null, expectedVersion: 2 } },
        result: { errors: [new GraphQLError('Version conflict', { extensions: { code: 'CONFLICT' } })] },
      },
      boardMock(board([deal])),
      boardMock(board([{ ...deal, version: 3 }])),
    ];
    renderScreen(<DealBoardPage />, { role: 'SALES_REP', mocks });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Move Big boiler to…' }));
    await user.click(screen.getByRole('menuitem', { name: 'Negotiation' }));
    expect(await screen.findByText(/“Big boiler” was changed by someone else — reload/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByText(/was changed by someone else/)).not.toBeInTheDocument());
    expect(within(column('Proposal')).getByRole('link', { name: 'Big boiler' })).toBeInTheDocument();
  });

  it('a closed deal can only be reopened into an open stage', async () => {
    const closed = dealRow({ id: 'd3', name: 'Old roof', stage: 'CLOSED_LOST', lostReason: 'Budget', closedAt: '2026-01-05T00:00:00.000Z' });
    renderScreen(<DealBoardPage />, { role: 'SALES_REP', mocks: [boardMock(board([closed]))] });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Move Old roof to…' }));
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toEqual([
      'Reopen in Prospecting',
      'Reopen in Qualification',
      'Reopen in Proposal',
      'Reopen in Negotiation',
    ]);
  });

  it('is read-only for an accountant: no drag handles and no move menus', async () => {
    renderScreen(<DealBoardPage />, { role: 'ACCOUNTANT', mocks: [boardMock(board([deal, other]))] });
    await screen.findByRole('link', { name: 'Big boiler' });
    expect(screen.queryByRole('button', { name: /^Move / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Drag / })).not.toBeInTheDocument();
  });
});
