import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CreateAccountDocument, UpdateAccountDocument, type AccountFullFragment } from '../../gql/graphql';
import { renderScreen } from '../../test/render';
import { AccountFormDialog } from './AccountFormDialog';

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

describe('AccountFormDialog', () => {
  it('checks fields on the client before sending anything', async () => {
    const onSaved = jest.fn();
    renderScreen(<AccountFormDialog open onClose={() => undefined} onSaved={onSaved} />, { role: 'SALES_REP' });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Website'), 'no spaces allowed');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('is required')).toBeInTheDocument();
    expect(screen.getByText('must be a valid email address')).toBeInTheDocument();
    expect(screen.getByText('must be a web address, e.g. https://example.com')).toBeInTheDocument();
    expect(screen.getByLabelText(/Name/)).toHaveAttribute('aria-invalid', 'true');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows the server field errors on the fields', async () => {
    const mocks = [
      {
        request: { query: CreateAccountDocument, variables: { input: { name: 'Acme', industry: null, website: null, phone: '123456', email: null, billingAddress: null }, withCredit: false } },
        result: { errors: [new GraphQLError('Invalid input', { extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'phone'], message: 'must be a valid phone number' }] } })] },
      },
    ];
    // "123456" looks like a phone number to the client; the server's parser refuses it.
    renderScreen(<AccountFormDialog open onClose={() => undefined} onSaved={jest.fn()} />, { role: 'SALES_REP', mocks });
    const user = userEvent.setup();
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
        request: { query: UpdateAccountDocument, variables: { id: 'a1', input: { name: 'Acme Tools', industry: 'Tools', website: 'acme.test', phone: '+15550100', email: 'hello@acme.test', billingAddress: null, creditLimit: '1000.00', ownerId: 'u1' }, expectedVersion: 3, withCredit: true } },
        result: { errors: [new GraphQLError('Version conflict', { extensions: { code: 'CONFLICT' } })] },
      },
    ];
    renderScreen(<AccountFormDialog open account={account} onClose={() => undefined} onSaved={jest.fn()} onReload={onReload} />, { role: 'SALES_MANAGER', mocks });
    const user = userEvent.setup();
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
