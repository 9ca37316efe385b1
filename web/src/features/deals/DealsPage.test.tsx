import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DealsDocument, type DealsQueryVariables, type DealRowFragment } from '../../gql/graphql';
import { renderScreen } from '../../test/render';
import { DEALS_PAGE_SIZE, DealsPage } from './DealsPage';
import { dealRow } from './test-data';

function page(rows: DealRowFragment[], next: string | null, total: number) {
  return {
    data: {
      deals: {
        __typename: 'DealConnection' as const,
        totalCount: total,
        edges: rows.map((node) => ({ __typename: 'DealEdge' as const, cursor: `cursor-${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage: !!next, endCursor: next },
      },
    },
  };
}

const dealsMock = (variables: DealsQueryVariables, result: ReturnType<typeof page>) => {
  const fn = jest.fn(() => result);
  return { fn, mock: { request: { query: DealsDocument, variables }, result: fn } };
};

describe('DealsPage', () => {
  it('asks the server for the sort and stage in the URL, and pages on with the end cursor', async () => {
    const orderBy = [{ field: 'AMOUNT' as const, direction: 'DESC' as const }];
    const filter = { stage: { eq: 'PROPOSAL' as const } };
    const first = dealsMock({ first: DEALS_PAGE_SIZE, filter, orderBy }, page([dealRow({ id: 'd1', name: 'Big boiler', stage: 'PROPOSAL', amount: '90000.00' })], 'c-1', 2));
    const second = dealsMock({ first: DEALS_PAGE_SIZE, filter, orderBy, after: 'c-1' }, page([dealRow({ id: 'd2', name: 'Small boiler', stage: 'PROPOSAL', amount: '100.00' })], null, 2));
    renderScreen(<DealsPage />, { role: 'SALES_REP', url: '/deals?sort=AMOUNT&dir=DESC&stage=PROPOSAL', mocks: [first.mock, second.mock] });

    const table = await screen.findByRole('table', { name: 'Deals' });
    expect(await within(table).findByRole('link', { name: 'Big boiler' })).toBeInTheDocument();
    expect(within(table).getByText('$90,000.00')).toBeInTheDocument();
    expect(screen.getByText('Showing 1 of 2')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Stage' })).toHaveTextContent('Proposal');
    expect(within(table).getByRole('columnheader', { name: 'Amount' })).toHaveAttribute('aria-sort', 'descending');

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByRole('link', { name: 'Small boiler' })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Big boiler' })).toBeInTheDocument();
    expect(screen.getByText('Showing 2 of 2')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(first.fn).toHaveBeenCalledTimes(1);
    expect(second.fn).toHaveBeenCalledTimes(1);
  });

  it('filters by stage and text, newest first by default', async () => {
    const orderBy = [{ field: 'CREATED_AT' as const, direction: 'DESC' as const }];
    const all = dealsMock({ first: DEALS_PAGE_SIZE, filter: {}, orderBy }, page([dealRow({ id: 'd1', name: 'Boiler service' })], null, 1));
    const won = dealsMock({ first: DEALS_PAGE_SIZE, filter: { stage: { eq: 'CLOSED_WON' } }, orderBy }, page([dealRow({ id: 'd3', name: 'Won roof', stage: 'CLOSED_WON' })], null, 1));
    const text = dealsMock(
      { first: DEALS_PAGE_SIZE, filter: { or: [{ name: { contains: 'roof' } }, { account: { name: { contains: 'roof' } } }], stage: { eq: 'CLOSED_WON' } }, orderBy },
      page([], null, 0),
    );
    renderScreen(<DealsPage />, { role: 'SALES_MANAGER', url: '/deals', mocks: [all.mock, won.mock, text.mock] });
    expect(await screen.findByRole('link', { name: 'Boiler service' })).toBeInTheDocument();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: 'Stage' }));
    await user.click(screen.getByRole('option', { name: 'Won' }));
    expect(await screen.findByRole('link', { name: 'Won roof' })).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Filter deals' }), 'roof');
    // The text filter applies after a short pause (debounced), then the query runs.
    expect(await screen.findByText('No deals match this filter.', {}, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(text.fn).toHaveBeenCalledTimes(1));
    expect(all.fn).toHaveBeenCalledTimes(1);
    expect(won.fn).toHaveBeenCalledTimes(1);
  });

  it('shows no “New deal” to an accountant (read-only)', async () => {
    const all = dealsMock({ first: DEALS_PAGE_SIZE, filter: {}, orderBy: [{ field: 'CREATED_AT', direction: 'DESC' }] }, page([], null, 0));
    renderScreen(<DealsPage />, { role: 'ACCOUNTANT', url: '/deals', mocks: [all.mock] });
    expect(await screen.findByText('No deals yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New deal' })).not.toBeInTheDocument();
  });
});
