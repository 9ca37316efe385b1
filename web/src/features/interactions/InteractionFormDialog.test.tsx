import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import {
  CreateInteractionDocument,
  InteractionContactOptionsDocument,
  InteractionDealOptionsDocument,
  UpdateInteractionDocument,
  type InteractionFullFragment,
} from '../../gql/graphql';
import { renderScreen } from '../../test/render';
import { InteractionFormDialog } from './InteractionFormDialog';

// Screens render slowly on a busy machine: async queries get more room than the default second.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(60_000);

const interaction: InteractionFullFragment = {
  __typename: 'Interaction',
  id: 'i1',
  type: 'CALL',
  subject: 'Intro call',
  body: 'Talked about pricing.',
  occurredAt: '2026-01-03T10:00:00.000Z',
  createdAt: '2026-01-03T10:05:00.000Z',
  updatedAt: '2026-01-03T10:05:00.000Z',
  deletedAt: null,
  version: 5,
  contact: { __typename: 'Contact', id: 'c1', firstName: 'Ada', lastName: 'Lovelace', account: { __typename: 'Account', id: 'a1', name: 'Acme' } },
  deal: { __typename: 'Deal', id: 'd1', name: 'Big deal' },
  owner: { __typename: 'User', id: 'u1', name: 'Dana' },
};

const ada = { id: 'c1', label: 'Ada Lovelace', account: { id: 'a1', name: 'Acme' } };
const when = '2026-03-01T10:30';

describe('InteractionFormDialog', () => {
  it('checks fields on the client before sending anything, and offers no SMS', async () => {
    const onSaved = jest.fn();
    renderScreen(<InteractionFormDialog open onClose={() => undefined} onSaved={onSaved} />, { role: 'SALES_REP' });
    const user = userEvent.setup({ delay: null });
    fireEvent.change(screen.getByLabelText(/When/), { target: { value: '' } });
    await user.click(screen.getByLabelText(/Details/));
    await user.paste('x'.repeat(20001));
    await user.click(screen.getByRole('button', { name: 'Create interaction' }));
    expect(await screen.findAllByText('is required')).toHaveLength(3);
    expect(screen.getByLabelText(/Subject/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('combobox', { name: /Contact/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/When/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('must be at most 20000 characters')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();

    await user.click(screen.getByRole('combobox', { name: /Type/ }));
    const types = within(await screen.findByRole('listbox')).getAllByRole('option').map((o) => o.textContent);
    expect(types).toEqual(['Call', 'Email', 'Meeting', 'Note']);
  });

  it("logs an interaction for a chosen contact, offering the deals of the contact's account", async () => {
    const onSaved = jest.fn();
    const contactEdge = {
      __typename: 'ContactEdge',
      node: { __typename: 'Contact', id: 'c1', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@acme.test', account: { __typename: 'Account', id: 'a1', name: 'Acme' } },
    };
    const dealEdge = { __typename: 'DealEdge', node: { __typename: 'Deal', id: 'd1', name: 'Big deal', stage: 'PROPOSAL', account: { __typename: 'Account', id: 'a1', name: 'Acme' } } };
    const mocks = [
      { request: { query: InteractionContactOptionsDocument, variables: { filter: {}, first: 20 } }, result: { data: { contacts: { __typename: 'ContactConnection', edges: [contactEdge] } } } },
      {
        request: { query: InteractionDealOptionsDocument, variables: { filter: { account: { id: { eq: 'a1' } } }, first: 20 } },
        result: { data: { deals: { __typename: 'DealConnection', edges: [dealEdge] } } },
      },
      {
        request: {
          query: CreateInteractionDocument,
          variables: { input: { type: 'MEETING', subject: 'Site visit', body: null, occurredAt: new Date(when).toISOString(), contactId: 'c1', dealId: 'd1' } },
        },
        result: { data: { createInteraction: { ...interaction, id: 'i9', type: 'MEETING', subject: 'Site visit', body: null } } },
      },
    ];
    renderScreen(<InteractionFormDialog open onClose={() => undefined} onSaved={onSaved} />, { role: 'SALES_REP', mocks });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: /Type/ }));
    await user.click(await screen.findByRole('option', { name: 'Meeting' }));
    fireEvent.change(screen.getByLabelText(/When/), { target: { value: when } });
    await user.type(screen.getByLabelText(/Subject/), 'Site visit');
    await user.click(screen.getByRole('combobox', { name: /Contact/ }));
    await user.click(await screen.findByRole('option', { name: /Ada Lovelace/ }));
    expect(screen.getByText('Optional · deals of Acme')).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Deal' }));
    await user.click(await screen.findByRole('option', { name: /Big deal/ }));
    await user.click(screen.getByRole('button', { name: 'Create interaction' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'i9' })));
  });

  it('shows the server field errors on the fields', async () => {
    const mocks = [
      {
        request: {
          query: CreateInteractionDocument,
          variables: { input: { type: 'CALL', subject: 'Follow-up', body: null, occurredAt: new Date(when).toISOString(), contactId: 'c1', dealId: 'd1' } },
        },
        result: { errors: [new GraphQLError('Invalid input', { extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'dealId'], message: 'not found' }] } })] },
      },
    ];
    const presets = { contact: ada, deal: { id: 'd1', label: 'Big deal', accountId: 'a1' } };
    renderScreen(<InteractionFormDialog open presets={presets} onClose={() => undefined} onSaved={jest.fn()} />, { role: 'SALES_REP', mocks });
    const user = userEvent.setup({ delay: null });
    fireEvent.change(screen.getByLabelText(/When/), { target: { value: when } });
    await user.type(screen.getByLabelText(/Subject/), 'Follow-up');
    await user.click(screen.getByRole('button', { name: 'Create interaction' }));
    expect(await screen.findByText('not found')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Deal' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Subject/)).toHaveAttribute('aria-invalid', 'false');
  });

  it('says a CONFLICT means someone else changed the record, and reloads it', async () => {
    const reloaded = { ...interaction, subject: 'Intro call (rescheduled)', version: 6 };
    const onReload = jest.fn().mockResolvedValue(reloaded);
    const mocks = [
      {
        // occurredAt is left out: it was not changed (the input shows minutes only).
        request: { query: UpdateInteractionDocument, variables: { id: 'i1', input: { type: 'CALL', subject: 'First call', body: 'Talked about pricing.', contactId: 'c1', dealId: 'd1' }, expectedVersion: 5 } },
        result: { errors: [new GraphQLError('Version conflict', { extensions: { code: 'CONFLICT' } })] },
      },
    ];
    renderScreen(<InteractionFormDialog open interaction={interaction} onClose={() => undefined} onSaved={jest.fn()} onReload={onReload} />, { role: 'SALES_REP', mocks });
    const user = userEvent.setup({ delay: null });
    const subject = screen.getByLabelText(/Subject/);
    await user.clear(subject);
    await user.type(subject, 'First call');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Changed by someone else — reload/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByLabelText(/Subject/)).toHaveValue('Intro call (rescheduled)'));
    expect(screen.getByRole('combobox', { name: /Contact/ })).toHaveValue('Ada Lovelace');
    expect(screen.getByRole('combobox', { name: 'Deal' })).toHaveValue('Big deal');
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});
