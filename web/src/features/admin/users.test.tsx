import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import type { UserRowFragment, UsersQuery, UsersQueryVariables } from '../../gql/graphql';
import { CreateUserDocument, UpdateUserDocument, UsersDocument } from '../../gql/users';
import { renderEntityForm, renderEntityPage, testUser } from '../../test/render';

const USERS_PAGE_SIZE = 25;

// Dialog transitions and MockLink delays take longer on a busy machine than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

const admin = testUser('ADMIN', { id: 'u-admin', name: 'Ada Admin' });

function user(id: string, name: string, over: Partial<UserRowFragment> = {}): UserRowFragment {
  return {
    __typename: 'User',
    id,
    name,
    email: `${id}@example.com`,
    phone: null,
    role: 'SALES_REP',
    active: true,
    lastLoginAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    version: 1,
    ...over,
  };
}

function page(rows: UserRowFragment[], next: string | null, total = rows.length): { data: UsersQuery } {
  return {
    data: {
      __typename: 'Query',
      users: {
        __typename: 'UserConnection',
        totalCount: total,
        edges: rows.map((node) => ({ __typename: 'UserEdge', cursor: `cursor-${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: !!next, endCursor: next ?? (rows.length ? `cursor-${rows[rows.length - 1].id}` : null) },
      },
    },
  };
}

const defaultVariables: UsersQueryVariables = { first: USERS_PAGE_SIZE, filter: {}, orderBy: [{ field: 'NAME', direction: 'ASC' }] };

/** The list as the server has it now (a refetch after a change sees the change). */
function listMock(rows: UserRowFragment[], variables: UsersQueryVariables = defaultVariables, maxUsageCount = 5): MockLink.MockedResponse {
  return { request: { query: UsersDocument, variables }, result: () => page(rows, null), maxUsageCount };
}

/** A server with these users: updateUser changes the stored row, so the list refetch sees it. */
function serverWith(rows: UserRowFragment[], id: string, input: object, expectedVersion?: number) {
  const stored = [...rows];
  const sent = jest.fn(() => {
    const i = stored.findIndex((r) => r.id === id);
    stored[i] = { ...stored[i], ...input };
    return { data: { updateUser: stored[i] } };
  });
  const variables = expectedVersion == null ? { id, input } : { id, input, expectedVersion };
  const mocks: MockLink.MockedResponse[] = [listMock(stored), { request: { query: UpdateUserDocument, variables }, result: sent }];
  return { sent, mocks };
}

/** Puts text into a field in one input event (typing key by key is slow under MUI). */
async function fill(u: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await u.click(field);
  await u.paste(text);
}

const sam = user('u-sam', 'Sam Seller');
const me = user('u-admin', 'Ada Admin', { role: 'ADMIN', email: 'admin@example.com' });

describe('users list', () => {
  it('takes sort, name, role and status from the URL and sends after for Load more', async () => {
    const variables: UsersQueryVariables = {
      first: USERS_PAGE_SIZE,
      filter: { name: { contains: 'sam' }, role: { in: ['SALES_REP'] }, active: { eq: true } },
      orderBy: [{ field: 'ROLE', direction: 'DESC' }],
    };
    const second = jest.fn(() => page([user('u-sally', 'Sally Samson')], null, 2));
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: UsersDocument, variables }, result: page([sam], 'c1', 2) },
      { request: { query: UsersDocument, variables: { ...variables, after: 'c1' } }, result: second },
    ];
    renderEntityPage('User', 'list', { user: admin, mocks, url: '/admin/users?sort=ROLE&dir=DESC&q=sam&role=SALES_REP&status=active' });
    const table = await screen.findByRole('table', { name: 'Users' });
    expect(await within(table).findByText('Sam Seller')).toBeInTheDocument();
    expect(screen.getByText('Showing 1 of 2')).toBeInTheDocument();
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByText('Sally Samson')).toBeInTheDocument();
    expect(second).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('shows the error state by its code', async () => {
    const failing: MockLink.MockedResponse = {
      request: { query: UsersDocument, variables: defaultVariables },
      result: { errors: [new GraphQLError('nope', { extensions: { code: 'FORBIDDEN' } })] },
    };
    renderEntityPage('User', 'list', { user: admin, mocks: [failing], url: '/admin/users' });
    expect(await screen.findByText('You do not have permission to do that.')).toBeInTheDocument();
  });

  it('says when no user matches the filter', async () => {
    const variables = { ...defaultVariables, filter: { name: { contains: 'zed' } } };
    renderEntityPage('User', 'list', { user: admin, mocks: [listMock([], variables)], url: '/admin/users?q=zed' });
    expect(await screen.findByText('No users match this filter.')).toBeInTheDocument();
  });
});

describe('creating a user', () => {
  it('checks every field on the client and sends nothing while one is wrong', async () => {
    const sent = jest.fn(() => ({ data: { createUser: sam } }));
    const mocks: MockLink.MockedResponse[] = [{ request: { query: CreateUserDocument, variables: () => true }, result: sent, maxUsageCount: 10 }];
    const onSaved = jest.fn();
    await renderEntityForm('User', { onSaved }, { user: admin, mocks });
    const u = userEvent.setup({ delay: null });
    await u.click(screen.getByRole('button', { name: 'Create user' }));
    expect(screen.getAllByText('is required')).toHaveLength(3); // email, name, role
    expect(screen.getByText('must be 10 to 200 characters')).toBeInTheDocument();
    expect(screen.getByLabelText(/Email/)).toHaveAttribute('aria-invalid', 'true');

    await fill(u, screen.getByLabelText(/Email/), 'not-an-email');
    await fill(u, screen.getByLabelText(/Name/), 'Nia New');
    await u.click(screen.getByRole('combobox', { name: /Role/ }));
    await u.click(await screen.findByRole('option', { name: 'Dispatcher' }));
    await fill(u, screen.getByLabelText(/Password/), 'short');
    await fill(u, screen.getByLabelText('Phone'), 'call me');
    await u.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByText('must be a valid email address')).toBeInTheDocument();
    expect(screen.getByText('must be 10 to 200 characters')).toBeInTheDocument();
    expect(screen.getByText('must be a valid phone number')).toBeInTheDocument();
    expect(screen.queryByText('is required')).not.toBeInTheDocument();
    expect(sent).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('sends the user and shows the server’s field error on its field', async () => {
    const input = { email: 'sam@example.com', name: 'Sam Seller', role: 'SALES_REP', password: 'long-enough-1', phone: null };
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: CreateUserDocument, variables: { input } },
        result: {
          errors: [
            new GraphQLError('Invalid input', {
              extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'email'], message: 'is already used by another user' }] },
            }),
          ],
        },
      },
    ];
    await renderEntityForm('User', {}, { user: admin, mocks });
    const u = userEvent.setup({ delay: null });
    await fill(u, screen.getByLabelText(/Email/), ' sam@example.com ');
    await fill(u, screen.getByLabelText(/Name/), 'Sam Seller');
    await u.click(screen.getByRole('combobox', { name: /Role/ }));
    await u.click(await screen.findByRole('option', { name: 'Sales rep' }));
    await fill(u, screen.getByLabelText(/Password/), 'long-enough-1');
    await u.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByText('is already used by another user')).toBeInTheDocument();
    expect(screen.getByLabelText(/Email/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('explains a CONFLICT on the email as a duplicate, not as a stale record', async () => {
    const input = { email: 'sam@example.com', name: 'Sam', role: 'ADMIN', password: 'long-enough-1', phone: '+14155550100' };
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: CreateUserDocument, variables: { input } },
        result: { errors: [new GraphQLError('Conflict', { extensions: { code: 'CONFLICT' } })] },
      },
    ];
    await renderEntityForm('User', {}, { user: admin, mocks });
    const u = userEvent.setup({ delay: null });
    await fill(u, screen.getByLabelText(/Email/), 'sam@example.com');
    await fill(u, screen.getByLabelText(/Name/), 'Sam');
    await u.click(screen.getByRole('combobox', { name: /Role/ }));
    await u.click(await screen.findByRole('option', { name: 'Admin' }));
    await fill(u, screen.getByLabelText(/Password/), 'long-enough-1');
    await fill(u, screen.getByLabelText('Phone'), '+14155550100');
    await u.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByText('A user with this email already exists.')).toBeInTheDocument();
    expect(screen.queryByText(/Changed by someone else/)).not.toBeInTheDocument();
  });
});

describe('changing users', () => {
  it('sends updateUser with only the new role', async () => {
    const { sent, mocks } = serverWith([me, sam], 'u-sam', { role: 'SALES_MANAGER' }, 1);
    renderEntityPage('User', 'list', { user: admin, mocks, url: '/admin/users' });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'Edit Sam Seller' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Sam Seller' });
    await u.click(within(dialog).getByRole('combobox', { name: /Role/ }));
    await u.click(await screen.findByRole('option', { name: 'Sales manager' }));
    await u.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const table = screen.getByRole('table', { name: 'Users' });
    // The role column, and the phone-only line under the name.
    await waitFor(() => expect(within(table).getAllByText('Sales manager')).toHaveLength(2));
  });

  it('asks before deactivating, then sends active: false', async () => {
    const { sent, mocks } = serverWith([me, sam], 'u-sam', { active: false });
    renderEntityPage('User', 'list', { user: admin, mocks, url: '/admin/users' });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'Deactivate Sam Seller' }));
    const confirm = await screen.findByRole('dialog', { name: 'Deactivate Sam Seller?' });
    expect(sent).not.toHaveBeenCalled();
    await u.click(within(confirm).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByRole('button', { name: 'Reactivate Sam Seller' })).toBeInTheDocument();
    expect(await screen.findByText('Sam Seller deactivated')).toBeInTheDocument();
  });

  it('cancelling the confirmation sends nothing', async () => {
    const sent = jest.fn(() => ({ data: { updateUser: { ...sam, active: false } } }));
    const mocks = [listMock([me, sam]), { request: { query: UpdateUserDocument, variables: () => true }, result: sent }];
    renderEntityPage('User', 'list', { user: admin, mocks, url: '/admin/users' });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'Deactivate Sam Seller' }));
    await u.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sent).not.toHaveBeenCalled();
  });

  it('shows the server’s reason when it refuses a deactivation', async () => {
    const refusal = new GraphQLError('Invalid input', {
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'active'], message: 'You cannot deactivate yourself or remove your own admin role' }] },
    });
    const mocks = [
      listMock([me, sam]),
      { request: { query: UpdateUserDocument, variables: { id: 'u-sam', input: { active: false } } }, result: { errors: [refusal] } },
    ];
    renderEntityPage('User', 'list', { user: admin, mocks, url: '/admin/users' });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'Deactivate Sam Seller' }));
    const confirm = await screen.findByRole('dialog');
    await u.click(within(confirm).getByRole('button', { name: 'Deactivate' }));
    expect(await within(confirm).findByText('You cannot deactivate yourself or remove your own admin role')).toBeInTheDocument();
  });

  it('does not let admins deactivate themselves or change their own role', async () => {
    renderEntityPage('User', 'list', { user: admin, mocks: [listMock([me, sam])], url: '/admin/users' });
    const u = userEvent.setup({ delay: null });
    expect(await screen.findByRole('button', { name: 'Deactivate Ada Admin' })).toBeDisabled();
    expect(screen.getByText('Ada Admin (you)')).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: 'Edit Ada Admin' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Ada Admin' });
    expect(within(dialog).getByRole('combobox', { name: /Role/ })).toHaveAttribute('aria-disabled', 'true');
    expect(within(dialog).getByText('You cannot change your own role.')).toBeInTheDocument();
  });
});
