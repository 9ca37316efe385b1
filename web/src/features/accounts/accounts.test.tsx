import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { AccountFullFragment, AccountRowFragment } from '../../gql/graphql';
import { AccountsDocument, CreateAccountDocument, UpdateAccountDocument } from '../../gql/accounts';
import { UserOptionsDocument } from '../../gql/people';
import { renderEntityForm, renderEntityPage, testUser } from '../../test/render';
import { capabilitiesFor } from '../../test/capabilities';

// Screens render slowly on a busy machine: async queries get more room than the default second.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

const account: AccountFullFragment = {
  __typename: 'Account',
  id: 'a1',
  name: 'Acme',
  industry: 'Tools',
  email: 'hello@acme.test',
  phone: '+15550100',
  creditLimit: '1000.00',
  website: 'acme.test',
  billingAddress: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  version: 3,
  owner: { __typename: 'User', id: 'u1', name: 'Dana' },
};

function page(rows: AccountRowFragment[], total = rows.length) {
  return {
    data: {
      accounts: {
        __typename: 'AccountConnection' as const,
        totalCount: total,
        edges: rows.map((node) => ({ __typename: 'AccountEdge' as const, cursor: `c-${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
      },
    },
  };
}

describe('account form', () => {
  it('checks fields on the client before sending anything', async () => {
    const onSaved = jest.fn();
    await renderEntityForm('Account', { onSaved }, { role: 'SALES_MANAGER' });
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Website'), 'no spaces allowed');
    await user.type(screen.getByLabelText('Credit limit'), '12.345');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('is required')).toBeInTheDocument();
    expect(screen.getByText('must be a valid email address')).toBeInTheDocument();
    expect(screen.getByText('must be a web address, e.g. https://example.com')).toBeInTheDocument();
    expect(screen.getByText('must have at most 2 decimals')).toBeInTheDocument();
    expect(screen.getByLabelText(/Name/)).toHaveAttribute('aria-invalid', 'true');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('takes a credit limit as people type it and sends the decimal the API wants', async () => {
    const onSaved = jest.fn();
    const input = { name: 'Acme', industry: null, website: null, phone: null, email: null, billingAddress: null, creditLimit: '48000.50', ownerId: 'u-me' };
    const mocks = [
      {
        request: { query: CreateAccountDocument, variables: { input, withCredit: true } },
        result: { data: { createAccount: { ...account, creditLimit: '48000.50' } } },
      },
    ];
    await renderEntityForm('Account', { onSaved }, { user: testUser('SALES_MANAGER', { id: 'u-me', name: 'Morgan' }), mocks });
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText(/Name/), 'Acme');
    await user.type(screen.getByLabelText('Credit limit'), '$48,000.50');
    // The owner starts as the manager themself.
    expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveValue('Morgan');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'a1' }), true));
  });

  it('leaves the owner empty for an admin whose role may not hold accounts, and sends the one they pick', async () => {
    // The server refuses an owner whose role may not hold the record, so the form does not offer the admin themself.
    const capabilities = capabilitiesFor('ADMIN').map((c) =>
      c.entityType === 'Account' ? { ...c, holderRoles: ['SALES_MANAGER' as const, 'SALES_REP' as const] } : c,
    );
    const admin = testUser('ADMIN', { id: 'u-admin', name: 'Avery Admin', capabilities });
    const rep = { __typename: 'User' as const, id: 'u-rep', name: 'Riley Rep', role: 'SALES_REP' as const };
    const onSaved = jest.fn();
    const input = { name: 'Acme', industry: null, website: null, phone: null, email: null, billingAddress: null, creditLimit: null, ownerId: 'u-rep' };
    const mocks = [
      {
        request: { query: UserOptionsDocument, variables: { filter: { active: { eq: true }, role: { in: ['SALES_MANAGER', 'SALES_REP'] } }, first: 20 } },
        result: { data: { users: { __typename: 'UserConnection', edges: [{ __typename: 'UserEdge', node: rep }] } } },
        maxUsageCount: 2,
      },
      { request: { query: CreateAccountDocument, variables: { input, withCredit: true } }, result: { data: { createAccount: account } } },
    ];
    await renderEntityForm('Account', { onSaved }, { user: admin, mocks });
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText(/Name/), 'Acme');
    const owner = screen.getByRole('combobox', { name: 'Owner' });
    expect(owner).toHaveValue('');
    await user.click(owner);
    await user.click(await screen.findByRole('option', { name: /Riley Rep/ }));
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'a1' }), true));
  });

  it('shows the server field errors on the fields', async () => {
    const mocks = [
      {
        request: {
          query: CreateAccountDocument,
          variables: { input: { name: 'Acme', industry: null, website: null, phone: '123456', email: null, billingAddress: null }, withCredit: false },
        },
        result: {
          errors: [
            new GraphQLError('Invalid input', {
              extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'phone'], message: 'must be a valid phone number' }] },
            }),
          ],
        },
      },
    ];
    // "123456" looks like a phone number to the client; the server's parser refuses it. A rep has no
    // credit limit and no owner field.
    await renderEntityForm('Account', {}, { role: 'SALES_REP', mocks });
    expect(screen.queryByLabelText('Credit limit')).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Owner' })).not.toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText(/Name/), 'Acme');
    const phone = screen.getByLabelText('Phone');
    await user.type(phone, '123456');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(screen.getByText('must be a valid phone number')).toBeInTheDocument());
    expect(phone).toHaveAttribute('aria-invalid', 'true');
  });

  it('says a CONFLICT means someone else changed the record, and reloads it', async () => {
    const reloaded = { ...account, name: 'Acme Corp', version: 4 };
    const onReload = jest.fn().mockResolvedValue(reloaded);
    const mocks = [
      {
        request: {
          query: UpdateAccountDocument,
          variables: {
            id: 'a1',
            input: {
              name: 'Acme Tools',
              industry: 'Tools',
              website: 'acme.test',
              phone: '+15550100',
              email: 'hello@acme.test',
              billingAddress: null,
              creditLimit: '1000.00',
              ownerId: 'u1',
            },
            expectedVersion: 3,
            withCredit: true,
          },
        },
        result: { errors: [new GraphQLError('Version conflict', { extensions: { code: 'CONFLICT' } })] },
      },
    ];
    await renderEntityForm('Account', { record: account, onReload }, { role: 'SALES_MANAGER', mocks });
    const user = userEvent.setup({ delay: null });
    expect(screen.getByLabelText('Credit limit')).toHaveValue('1,000.00');
    const name = screen.getByLabelText(/Name/);
    await user.clear(name);
    await user.type(name, 'Acme Tools');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Changed by someone else — reload/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByLabelText(/Name/)).toHaveValue('Acme Corp'));
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});

describe('accounts list', () => {
  it('asks for the sort and every filter in the URL, and shows the sort in use', async () => {
    const filter = {
      or: [{ name: { contains: 'acme' } }, { industry: { contains: 'acme' } }, { email: { contains: 'acme' } }],
      owner: { id: { eq: 'u-me' } },
      creditLimit: { gte: '1000.00', lte: '5000.00' },
    };
    const mocks = [
      {
        request: { query: AccountsDocument, variables: { first: 25, filter, orderBy: [{ field: 'NAME', direction: 'ASC' }], withCredit: true } },
        result: page([account]),
      },
    ];
    renderEntityPage('Account', 'list', {
      user: testUser('SALES_MANAGER', { id: 'u-me' }),
      mocks,
      url: '/accounts?sort=NAME&dir=ASC&q=acme&mine=1&credit=1000..5000',
    });
    const table = await screen.findByRole('table', { name: 'Accounts' });
    expect(await within(table).findByRole('link', { name: 'Acme' })).toHaveAttribute('href', '/accounts/a1');
    expect(within(table).getByText('$1,000.00')).toBeInTheDocument();
    expect(screen.getByText('Sorted by Name ↑')).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('button', { name: 'Mine' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Credit limit: $1,000.00 – $5,000.00' })).toBeInTheDocument();
    expect(document.title).toBe('Accounts · Converge');
  });

  it('leaves out what a rep may not read: no credit limit column or filter, no "Mine" (all they see is theirs)', async () => {
    const mocks = [
      {
        request: { query: AccountsDocument, variables: { first: 25, filter: {}, orderBy: [{ field: 'CREATED_AT', direction: 'DESC' }], withCredit: false } },
        result: page([{ ...account, phone: '+12125551002', creditLimit: undefined }]),
      },
    ];
    renderEntityPage('Account', 'list', { role: 'SALES_REP', mocks });
    const table = await screen.findByRole('table', { name: 'Accounts' });
    await within(table).findByRole('link', { name: 'Acme' });
    expect(within(table).queryByRole('columnheader', { name: 'Credit limit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Credit limit/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mine' })).not.toBeInTheDocument();
    expect(screen.getByText('Sorted by Created ↓')).toBeInTheDocument();
    // Phones read in the user's notation (a US number for a US locale), not as stored.
    expect(within(table).getByText('(212) 555-1002')).toBeInTheDocument();
  });
});
