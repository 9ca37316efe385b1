import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { ContactAccountOptionsDocument, CreateContactDocument, UpdateContactDocument, UserOptionsDocument, type ContactRowFragment } from '../../gql/graphql';
import { renderScreen } from '../../test/render';
import { ContactFormDialog } from './ContactFormDialog';

// Screens render slowly on a busy machine: async queries get more room than the default second.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(60_000);

const contact: ContactRowFragment = {
  __typename: 'Contact',
  id: 'c1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  title: 'Engineer',
  email: 'ada@acme.test',
  phone: '+15550100',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  version: 2,
  account: { __typename: 'Account', id: 'a1', name: 'Acme', deletedAt: null },
  owner: { __typename: 'User', id: 'u1', name: 'Dana' },
};

const accountOption = (id: string, name: string) => ({ __typename: 'AccountEdge' as const, node: { __typename: 'Account' as const, id, name, industry: null } });

describe('ContactFormDialog', () => {
  it('checks fields on the client before sending anything', async () => {
    const onSaved = jest.fn();
    renderScreen(<ContactFormDialog open onClose={() => undefined} onSaved={onSaved} />, { role: 'SALES_REP' });
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Phone'), 'call me');
    await user.click(screen.getByLabelText('Title'));
    await user.paste('x'.repeat(201));
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    expect(await screen.findAllByText('is required')).toHaveLength(2);
    expect(screen.getByLabelText(/First name/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Last name/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('must be a valid email address')).toBeInTheDocument();
    expect(screen.getByText('must be a valid phone number')).toBeInTheDocument();
    expect(screen.getByText('must be at most 200 characters')).toBeInTheDocument();
    // No mutation was mocked: had one been sent, its error would show as a form alert.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('creates a contact at an account chosen in the account picker', async () => {
    const onSaved = jest.fn();
    const created = { ...contact, id: 'c9', title: null, email: null, phone: null, version: 1, account: { __typename: 'Account' as const, id: 'a2', name: 'Globex', deletedAt: null } };
    const mocks = [
      {
        request: { query: ContactAccountOptionsDocument, variables: { filter: {}, first: 20 } },
        result: { data: { accounts: { __typename: 'AccountConnection', edges: [accountOption('a1', 'Acme'), accountOption('a2', 'Globex')] } } },
      },
      {
        request: { query: ContactAccountOptionsDocument, variables: { filter: { name: { contains: 'glo' } }, first: 20 } },
        result: { data: { accounts: { __typename: 'AccountConnection', edges: [accountOption('a2', 'Globex')] } } },
      },
      {
        request: { query: CreateContactDocument, variables: { input: { firstName: 'Ada', lastName: 'Lovelace', title: null, email: null, phone: null, accountId: 'a2' } } },
        result: { data: { createContact: created } },
      },
    ];
    renderScreen(<ContactFormDialog open onClose={() => undefined} onSaved={onSaved} />, { role: 'SALES_REP', mocks });
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText(/First name/), 'Ada');
    await user.type(screen.getByLabelText(/Last name/), 'Lovelace');
    const picker = screen.getByRole('combobox', { name: 'Account' });
    await user.click(picker);
    expect(await screen.findByRole('option', { name: 'Acme' })).toBeInTheDocument();
    await user.type(picker, 'glo', { skipClick: true });
    await waitFor(() => expect(screen.queryByRole('option', { name: 'Acme' })).not.toBeInTheDocument(), { timeout: 3000 });
    await user.click(screen.getByRole('option', { name: 'Globex' }));
    expect(picker).toHaveValue('Globex');
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'c9' })));
  });

  it('shows the server field errors on the fields', async () => {
    const mocks = [
      {
        request: { query: CreateContactDocument, variables: { input: { firstName: 'Ada', lastName: 'Lovelace', title: null, email: 'ada@acme.test', phone: '123456', accountId: null } } },
        result: {
          errors: [
            new GraphQLError('Invalid input', {
              extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'phone'], message: 'must be a valid phone number, e.g. +14155550100' }] },
            }),
          ],
        },
      },
    ];
    // "123456" looks like a phone number to the client; the server's parser refuses it.
    renderScreen(<ContactFormDialog open onClose={() => undefined} onSaved={jest.fn()} />, { role: 'SALES_REP', mocks });
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText(/First name/), 'Ada');
    await user.type(screen.getByLabelText(/Last name/), 'Lovelace');
    await user.type(screen.getByLabelText('Email'), 'ada@acme.test');
    const phone = screen.getByLabelText('Phone');
    await user.type(phone, '123456');
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    expect(await screen.findByText('must be a valid phone number, e.g. +14155550100')).toBeInTheDocument();
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'false');
  });

  it('says a CONFLICT means someone else changed the record, and reloads it', async () => {
    const reloaded = { ...contact, firstName: 'Augusta', version: 3 };
    const onReload = jest.fn().mockResolvedValue(reloaded);
    const mocks = [
      {
        request: {
          query: UpdateContactDocument,
          variables: { id: 'c1', input: { firstName: 'Ada', lastName: 'King', title: 'Engineer', email: 'ada@acme.test', phone: '+15550100', accountId: 'a1', ownerId: 'u1' }, expectedVersion: 2 },
        },
        result: { errors: [new GraphQLError('Version conflict', { extensions: { code: 'CONFLICT' } })] },
      },
      {
        request: { query: UserOptionsDocument, variables: { first: 100 } },
        result: { data: { users: { __typename: 'UserConnection', edges: [{ __typename: 'UserEdge', node: { __typename: 'User', id: 'u1', name: 'Dana', role: 'SALES_REP' } }] } } },
      },
    ];
    renderScreen(<ContactFormDialog open contact={contact} onClose={() => undefined} onSaved={jest.fn()} onReload={onReload} />, { role: 'SALES_MANAGER', mocks });
    const user = userEvent.setup({ delay: null });
    const last = screen.getByLabelText(/Last name/);
    await user.clear(last);
    await user.type(last, 'King');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Changed by someone else — reload/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByLabelText(/First name/)).toHaveValue('Augusta'));
    expect(screen.getByLabelText(/Last name/)).toHaveValue('Lovelace');
    expect(screen.getByRole('combobox', { name: 'Account' })).toHaveValue('Acme');
    expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveTextContent(/Dana/);
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});
