import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContactsDocument, RestoreContactDocument, type ContactRowFragment } from '../../gql/graphql';
import { renderScreen } from '../../test/render';
import { ContactsPage } from './ContactsPage';

// Screens render slowly on a busy machine: async queries get more room than the default second.
configure({ asyncUtilTimeout: 5000 });

function row(n: number): ContactRowFragment {
  return {
    __typename: 'Contact',
    id: `c${n}`,
    firstName: `First${n}`,
    lastName: `Last${n}`,
    title: 'Buyer',
    email: `p${n}@example.com`,
    phone: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    version: 1,
    account: { __typename: 'Account', id: 'a1', name: 'Acme', deletedAt: null },
    owner: { __typename: 'User', id: 'u1', name: 'Dana' },
  };
}

function page(rows: ContactRowFragment[], endCursor: string, hasNextPage: boolean, totalCount: number) {
  return {
    data: {
      contacts: {
        __typename: 'ContactConnection',
        totalCount,
        edges: rows.map((node) => ({ __typename: 'ContactEdge', cursor: `cur-${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
      },
    },
  };
}

const ada = /First1 Last1/;

describe('ContactsPage', () => {
  it('asks for the sort and filter in the URL, and "Load more" appends the next page', async () => {
    const filter = { or: [{ firstName: { contains: 'acme' } }, { lastName: { contains: 'acme' } }, { email: { contains: 'acme' } }] };
    const orderBy = [{ field: 'EMAIL', direction: 'DESC' }];
    const mocks = [
      { request: { query: ContactsDocument, variables: { first: 25, filter, orderBy } }, result: page([row(1), row(2)], 'cur-c2', true, 3) },
      { request: { query: ContactsDocument, variables: { first: 25, filter, orderBy, after: 'cur-c2' } }, result: page([row(3)], 'cur-c3', false, 3) },
    ];
    renderScreen(<ContactsPage />, { role: 'SALES_REP', mocks, url: '/contacts?sort=EMAIL&dir=DESC&q=acme' });
    const table = await screen.findByRole('table', { name: 'Contacts' });
    expect(await within(table).findByRole('link', { name: ada })).toHaveAttribute('href', '/contacts/c1');
    expect(within(table).getAllByRole('link', { name: 'Acme' })[0]).toHaveAttribute('href', '/accounts/a1');
    expect(screen.getByText('Showing 2 of 3')).toBeInTheDocument();
    expect(screen.getByLabelText('Filter contacts')).toHaveValue('acme');
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByRole('link', { name: /First3 Last3/ })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: ada })).toBeInTheDocument();
    expect(screen.getByText('Showing 3 of 3')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('splits a text filter into words, each matching a name or the email; lists the trash on request', async () => {
    const any = (w: string) => ({ or: [{ firstName: { contains: w } }, { lastName: { contains: w } }, { email: { contains: w } }] });
    const mocks = [
      {
        request: { query: ContactsDocument, variables: { first: 25, filter: { and: [any('ada'), any('love')], deletedAt: { isNull: false } }, orderBy: [{ field: 'LAST_NAME', direction: 'ASC' }] } },
        result: page([], '', false, 0),
      },
    ];
    renderScreen(<ContactsPage />, { role: 'SALES_REP', mocks, url: '/contacts?q=ada%20love&view=trash' });
    expect(await screen.findByText('The trash is empty.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Contacts — trash' })).toBeInTheDocument();
  });

  it('restores a contact from the trash', async () => {
    const variables = { first: 25, filter: { deletedAt: { isNull: false } }, orderBy: [{ field: 'LAST_NAME', direction: 'ASC' }] };
    const trashed = { ...row(1), deletedAt: '2026-02-01T00:00:00.000Z' };
    const mocks = [
      { request: { query: ContactsDocument, variables }, result: page([trashed], 'cur-c1', false, 1) },
      { request: { query: RestoreContactDocument, variables: { id: 'c1' } }, result: { data: { restoreContact: row(1) } } },
      // The restore drops the cached lists: the trash is fetched again.
      { request: { query: ContactsDocument, variables }, result: page([], '', false, 0) },
    ];
    renderScreen(<ContactsPage />, { role: 'SALES_REP', mocks, url: '/contacts?view=trash' });
    // Trashed contacts are not found by id, so the trash does not link to them.
    expect(await screen.findByText('First1 Last1')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: ada })).not.toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Restore First1 Last1' }));
    expect(await screen.findByText('First1 Last1 restored')).toBeInTheDocument();
    expect(await screen.findByText('The trash is empty.')).toBeInTheDocument();
  });

  it('offers "New contact" to roles that write contacts, not to a dispatcher', async () => {
    const mocks = () => [{ request: { query: ContactsDocument, variables: { first: 25, filter: {}, orderBy: [{ field: 'LAST_NAME', direction: 'ASC' }] } }, result: page([row(1)], 'cur-c1', false, 1) }];
    const { unmount } = renderScreen(<ContactsPage />, { role: 'DISPATCHER', mocks: mocks(), url: '/contacts' });
    expect(await screen.findByRole('link', { name: ada })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New contact' })).not.toBeInTheDocument();
    unmount();

    renderScreen(<ContactsPage />, { role: 'SALES_REP', mocks: mocks(), url: '/contacts' });
    expect(await screen.findByRole('link', { name: ada })).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'New contact' }));
    expect(await screen.findByRole('dialog', { name: 'New contact' })).toBeInTheDocument();
  });

  it('shows an error with a retry when the list cannot load', async () => {
    const mocks = [{ request: { query: ContactsDocument, variables: { first: 25, filter: {}, orderBy: [{ field: 'LAST_NAME', direction: 'ASC' }] } }, error: new Error('offline') }];
    renderScreen(<ContactsPage />, { role: 'SALES_MANAGER', mocks, url: '/contacts' });
    expect(await screen.findByText(/Cannot reach the server/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
