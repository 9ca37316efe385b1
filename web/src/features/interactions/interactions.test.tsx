import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { InteractionFullFragment, InteractionRowFragment } from '../../gql/graphql';
import { ContactOptionsDocument } from '../../gql/contacts';
import { DealOptionsDocument } from '../../gql/deals';
import {
  CreateInteractionDocument,
  DeleteInteractionDocument,
  InteractionDetailDocument,
  InteractionHistoryDocument,
  InteractionsDocument,
  RestoreInteractionDocument,
  UpdateInteractionDocument,
} from '../../gql/interactions';
import { renderEntityForm, renderEntityPage } from '../../test/render';

// Screens render slowly on a busy machine: async queries get more room than the default second.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(60_000);

const ada = {
  __typename: 'Contact' as const,
  id: 'c1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  account: { __typename: 'Account' as const, id: 'a1', name: 'Acme' },
};

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
    contact: ada,
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

describe('interactions list', () => {
  it('asks for the sort, type and text filter in the URL, and "Load more" appends the next page', async () => {
    const filter = { subject: { contains: 'pricing' }, type: { in: ['CALL'] } };
    const orderBy = [{ field: 'TYPE', direction: 'ASC' }];
    const mocks = [
      { request: { query: InteractionsDocument, variables: { first: 25, filter, orderBy } }, result: page([row(1), row(2)], 'cur-i2', true, 3) },
      { request: { query: InteractionsDocument, variables: { first: 25, filter, orderBy, after: 'cur-i2' } }, result: page([row(3)], 'cur-i3', false, 3) },
    ];
    renderEntityPage('Interaction', 'list', { role: 'SALES_REP', mocks, url: '/interactions?sort=TYPE&dir=ASC&q=pricing&type=CALL' });
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
      {
        request: { query: InteractionsDocument, variables: { first: 25, filter: {}, orderBy: latestFirst } },
        result: page([row(1), row(2, 'EMAIL')], 'cur-i2', false, 2),
      },
      {
        request: { query: InteractionsDocument, variables: { first: 25, filter: { type: { in: ['EMAIL'] } }, orderBy: latestFirst } },
        result: page([row(2, 'EMAIL')], 'cur-i2', false, 1),
      },
    ];
    renderEntityPage('Interaction', 'list', { role: 'SALES_MANAGER', mocks });
    expect(await screen.findByRole('link', { name: 'Subject 1' })).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: 'Type' }));
    await user.click(within(await screen.findByRole('listbox')).getByRole('option', { name: 'Email' }));
    await user.keyboard('{Escape}');
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
    renderEntityPage('Interaction', 'list', { role: 'SALES_REP', mocks, url: '/interactions?contact=c1&view=trash' });
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
    renderEntityPage('Interaction', 'list', { role: 'SALES_REP', mocks });
    expect(await screen.findByText('No interactions yet.')).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'New interaction' }));
    expect(await screen.findByRole('dialog', { name: 'New interaction' })).toBeInTheDocument();
  });
});

const interaction: InteractionFullFragment = {
  ...row(1),
  type: 'MEETING',
  subject: 'Site visit',
  body: 'Walked the roof.\nNeeds two new vents.',
  createdAt: '2026-01-03T10:05:00.000Z',
  updatedAt: '2026-01-03T10:05:00.000Z',
};

const history = {
  request: { query: InteractionHistoryDocument, variables: { filter: { entityType: { eq: 'Interaction' }, entityId: { eq: 'i1' } } } },
  result: {
    data: {
      activityLog: {
        __typename: 'ActivityLogConnection',
        edges: [
          {
            __typename: 'ActivityLogEdge',
            cursor: 'l1',
            node: {
              __typename: 'ActivityLog',
              id: 'l1',
              cursor: 'l1',
              action: 'CREATED',
              entityType: 'Interaction',
              entityId: 'i1',
              entityLabel: 'Site visit',
              changes: {},
              createdAt: '2026-01-03T10:05:00.000Z',
              actor: { __typename: 'User', id: 'u1', name: 'Dana' },
              viaApiKey: null,
            },
          },
        ],
      },
    },
  },
  maxUsageCount: 3,
};

const detailMock = (value: InteractionFullFragment | null) => ({
  request: { query: InteractionDetailDocument, variables: { id: 'i1' } },
  result: { data: { interaction: value } },
});

describe('interaction page', () => {
  it('shows the fields, links to the contact, account and deal, the details and the history', async () => {
    renderEntityPage('Interaction', 'detail', { role: 'SALES_REP', mocks: [detailMock(interaction), history], url: '/interactions/i1' });
    expect(await screen.findByRole('heading', { name: 'Site visit' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', '/contacts/c1');
    expect(screen.getByRole('link', { name: 'Acme' })).toHaveAttribute('href', '/accounts/a1');
    expect(screen.getByRole('link', { name: 'Big deal' })).toHaveAttribute('href', '/deals/d1');
    expect(within(screen.getByRole('region', { name: 'Details' })).getByText(/Needs two new vents/)).toBeInTheDocument();
    // The history arrives with its own query, after the page's.
    expect(await within(await screen.findByRole('region', { name: 'Timeline' })).findByText(/created/i)).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Site visit' });
    expect(within(dialog).getByLabelText(/Subject/)).toHaveValue('Site visit');
  });

  it('deletes into the trash and returns to the list, with an Undo', async () => {
    const mocks = [
      detailMock(interaction),
      history,
      { request: { query: DeleteInteractionDocument, variables: { id: 'i1' } }, result: { data: { deleteInteraction: true } } },
    ];
    renderEntityPage('Interaction', 'detail', {
      role: 'SALES_REP',
      mocks,
      url: '/interactions/i1',
      extraRoutes: <Route path="/interactions" element={<p>The interactions list</p>} />,
    });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('The interactions list')).toBeInTheDocument();
    expect(screen.getByText('Site visit moved to the trash')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it('says so when the interaction does not exist or is not visible', async () => {
    renderEntityPage('Interaction', 'detail', { role: 'SALES_REP', mocks: [detailMock(null), history], url: '/interactions/i1' });
    expect(await screen.findByText('Interaction not found')).toBeInTheDocument();
  });
});

const when = '2026-03-01T10:30';
const adaOption = { id: 'c1', label: 'Ada Lovelace', data: { account: { id: 'a1', name: 'Acme' } } };

describe('interaction form', () => {
  it('checks fields on the client before sending anything, and offers no SMS', async () => {
    const onSaved = jest.fn();
    await renderEntityForm('Interaction', { onSaved }, { role: 'SALES_REP' });
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
    const types = within(await screen.findByRole('listbox'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(types).toEqual(['Call', 'Email', 'Meeting', 'Note']);
  });

  it("logs an interaction for a chosen contact, offering the deals of the contact's account", async () => {
    const onSaved = jest.fn();
    const contactEdge = { __typename: 'ContactEdge', node: { ...ada, email: 'ada@acme.test' } };
    const dealEdge = {
      __typename: 'DealEdge',
      node: { __typename: 'Deal', id: 'd1', name: 'Big deal', stage: 'PROPOSAL', account: { __typename: 'Account', id: 'a1', name: 'Acme' } },
    };
    const mocks = [
      {
        request: { query: ContactOptionsDocument, variables: { filter: {}, first: 20 } },
        result: { data: { contacts: { __typename: 'ContactConnection', edges: [contactEdge] } } },
      },
      {
        request: { query: DealOptionsDocument, variables: { filter: { account: { id: { eq: 'a1' } } }, first: 20 } },
        result: { data: { deals: { __typename: 'DealConnection', edges: [dealEdge] } } },
      },
      {
        request: {
          query: CreateInteractionDocument,
          variables: { input: { type: 'MEETING', subject: 'Site visit', body: null, occurredAt: new Date(when).toISOString(), contactId: 'c1', dealId: 'd1' } },
        },
        result: { data: { createInteraction: { ...interaction, id: 'i9', body: null } } },
      },
    ];
    await renderEntityForm('Interaction', { onSaved }, { role: 'SALES_REP', mocks });
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
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'i9' }), true));
  });

  it('shows the server field errors on the fields', async () => {
    const mocks = [
      {
        request: {
          query: CreateInteractionDocument,
          variables: { input: { type: 'CALL', subject: 'Follow-up', body: null, occurredAt: new Date(when).toISOString(), contactId: 'c1', dealId: 'd1' } },
        },
        result: {
          errors: [
            new GraphQLError('Invalid input', { extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'dealId'], message: 'not found' }] } }),
          ],
        },
      },
    ];
    const presets = { contact: adaOption, deal: { id: 'd1', label: 'Big deal', data: { accountId: 'a1' } } };
    await renderEntityForm('Interaction', { presets }, { role: 'SALES_REP', mocks });
    const user = userEvent.setup({ delay: null });
    fireEvent.change(screen.getByLabelText(/When/), { target: { value: when } });
    await user.type(screen.getByLabelText(/Subject/), 'Follow-up');
    await user.click(screen.getByRole('button', { name: 'Create interaction' }));
    expect(await screen.findByText('not found')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Deal' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Subject/)).toHaveAttribute('aria-invalid', 'false');
  });

  it('says a CONFLICT means someone else changed the record, and reloads it', async () => {
    const original = { ...interaction, type: 'CALL' as const, subject: 'Intro call', body: 'Talked about pricing.', version: 5 };
    const reloaded = { ...original, subject: 'Intro call (rescheduled)', version: 6 };
    const onReload = jest.fn().mockResolvedValue(reloaded);
    const mocks = [
      {
        // occurredAt is left out: it was not changed (the input shows minutes only).
        request: {
          query: UpdateInteractionDocument,
          variables: {
            id: 'i1',
            input: { type: 'CALL', subject: 'First call', body: 'Talked about pricing.', contactId: 'c1', dealId: 'd1' },
            expectedVersion: 5,
          },
        },
        result: { errors: [new GraphQLError('Version conflict', { extensions: { code: 'CONFLICT' } })] },
      },
    ];
    await renderEntityForm('Interaction', { record: original, onReload }, { role: 'SALES_REP', mocks });
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
