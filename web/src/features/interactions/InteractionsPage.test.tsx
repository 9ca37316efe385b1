import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InteractionsDocument, RestoreInteractionDocument, type InteractionRowFragment } from '../../gql/graphql';
import { renderScreen } from '../../test/render';
import { InteractionsPage } from './InteractionsPage';

// Screens render slowly on a busy machine: async queries get more room than the default second.
configure({ asyncUtilTimeout: 5000 });

function row(n: number, type: InteractionRowFragment['type'] = 'CALL'): InteractionRowFragment {
  return {
    __typename: 'Interaction',
    id: `i${n}`,
    type,
    subject: `Subject ${n}`,
    occurredAt: '2026-01-03T10:00:00.000Z',
    createdAt: '2026-01-03T10:00:00.000Z',
    updatedAt: '2026-01-03T10:00:00.000Z',
    deletedAt: null,
    version: 1,
    contact: { __typename: 'Contact', id: 'c1', firstName: 'Ada', lastName: 'Lovelace', account: { __typename: 'Account', id: 'a1', name: 'Acme' } },
    deal: n === 1 ? { __typename: 'Deal', id: 'd1', name: 'Big deal' } : null,
    owner: { __typename: 'User', id: 'u1', name: 'Dana' },
  };
}

function page(rows: InteractionRowFragment[], endCursor: string, hasNextPage: boolean, totalCount: number) {
  return {
    data: {
      interactions: {
        __typename: 'InteractionConnection',
        totalCount,
        edges: rows.map((node) => ({ __typename: 'InteractionEdge', cursor: `cur-${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
      },
    },
  };
}

const latestFirst = [{ field: 'OCCURRED_AT', direction: 'DESC' }];

describe('InteractionsPage', () => {
  it('asks for the sort, type and text filter in the URL, and "Load more" appends the next page', async () => {
    const filter = { subject: { contains: 'pricing' }, type: { eq: 'CALL' } };
    const orderBy = [{ field: 'TYPE', direction: 'ASC' }];
    const mocks = [
      { request: { query: InteractionsDocument, variables: { first: 25, filter, orderBy } }, result: page([row(1), row(2)], 'cur-i2', true, 3) },
      { request: { query: InteractionsDocument, variables: { first: 25, filter, orderBy, after: 'cur-i2' } }, result: page([row(3)], 'cur-i3', false, 3) },
    ];
    renderScreen(<InteractionsPage />, { role: 'SALES_REP', mocks, url: '/interactions?sort=TYPE&dir=ASC&q=pricing&type=CALL' });
    const table = await screen.findByRole('table', { name: 'Interactions' });
    expect(await within(table).findByRole('link', { name: 'Subject 1' })).toHaveAttribute('href', '/interactions/i1');
    expect(within(table).getByRole('link', { name: 'Big deal' })).toHaveAttribute('href', '/deals/d1');
    expect(within(table).getAllByRole('link', { name: 'Ada Lovelace' })[0]).toHaveAttribute('href', '/contacts/c1');
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveTextContent('Call');
    expect(screen.getByText('Showing 2 of 3')).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByRole('link', { name: 'Subject 3' })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Subject 1' })).toBeInTheDocument();
    expect(screen.getByText('Showing 3 of 3')).toBeInTheDocument();
  });

  it('filters by type from the type menu', async () => {
    const mocks = [
      { request: { query: InteractionsDocument, variables: { first: 25, filter: {}, orderBy: latestFirst } }, result: page([row(1), row(2, 'EMAIL')], 'cur-i2', false, 2) },
      { request: { query: InteractionsDocument, variables: { first: 25, filter: { type: { eq: 'EMAIL' } }, orderBy: latestFirst } }, result: page([row(2, 'EMAIL')], 'cur-i2', false, 1) },
    ];
    renderScreen(<InteractionsPage />, { role: 'SALES_MANAGER', mocks, url: '/interactions' });
    expect(await screen.findByRole('link', { name: 'Subject 1' })).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: 'Type' }));
    await user.click(await screen.findByRole('option', { name: 'Email' }));
    expect(await screen.findByText('Showing 1 of 1')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Subject 1' })).not.toBeInTheDocument();
  });

  it('narrows to one contact from the URL, lists its trash, and restores from there', async () => {
    const variables = { first: 25, filter: { contact: { id: { eq: 'c1' } }, deletedAt: { isNull: false } }, orderBy: latestFirst };
    const mocks = [
      { request: { query: InteractionsDocument, variables }, result: page([{ ...row(4), deletedAt: '2026-02-01T00:00:00.000Z' }], 'cur-i4', false, 1) },
      { request: { query: RestoreInteractionDocument, variables: { id: 'i4' } }, result: { data: { restoreInteraction: { ...row(4), body: null } } } },
      { request: { query: InteractionsDocument, variables }, result: page([], '', false, 0) },
    ];
    renderScreen(<InteractionsPage />, { role: 'SALES_REP', mocks, url: '/interactions?contact=c1&view=trash' });
    expect(await screen.findByText('Subject 4')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Interactions — trash' })).toBeInTheDocument();
    expect(screen.getByText('Contact: Ada Lovelace')).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Restore Subject 4' }));
    expect(await screen.findByText('Subject 4 restored')).toBeInTheDocument();
    expect(await screen.findByText('The trash is empty.')).toBeInTheDocument();
  });

  it('offers "New interaction" and shows an empty state', async () => {
    const mocks = [{ request: { query: InteractionsDocument, variables: { first: 25, filter: {}, orderBy: latestFirst } }, result: page([], '', false, 0) }];
    renderScreen(<InteractionsPage />, { role: 'SALES_REP', mocks, url: '/interactions' });
    expect(await screen.findByText('No interactions yet.')).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'New interaction' }));
    expect(await screen.findByRole('dialog', { name: 'New interaction' })).toBeInTheDocument();
  });
});
