import { configure, fireEvent, screen, waitFor, waitForElementToBeRemoved, within } from '@testing-library/react';
import { Route } from 'react-router';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { ContactRowFragment, InteractionRowFragment } from '../../gql/graphql';
import { AccountOptionsDocument } from '../../gql/accounts';
import {
  ContactDetailDocument,
  ContactsDocument,
  CreateContactDocument,
  DeleteContactDocument,
  RestoreContactDocument,
  UpdateContactDocument,
} from '../../gql/contacts';
import { CreateInteractionDocument, InteractionsDocument } from '../../gql/interactions';
import { renderEntityForm, renderEntityPage } from '../../test/render';
import { noNextTasks, noTasksAbout } from '../../test/mocks';

// Screens render slowly on a busy machine: async queries get more room than the default second.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(60_000);

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
const byLastName = [{ field: 'LAST_NAME', direction: 'ASC' }];

describe('contacts list', () => {
  it('asks for the sort and filter in the URL, and "Load more" appends the next page', async () => {
    const filter = { or: [{ firstName: { contains: 'acme' } }, { lastName: { contains: 'acme' } }, { email: { contains: 'acme' } }] };
    const orderBy = [{ field: 'EMAIL', direction: 'DESC' }];
    const mocks = [
      { request: { query: ContactsDocument, variables: { first: 25, filter, orderBy } }, result: page([row(1), row(2)], 'cur-c2', true, 3) },
      { request: { query: ContactsDocument, variables: { first: 25, filter, orderBy, after: 'cur-c2' } }, result: page([row(3)], 'cur-c3', false, 3) },
      ...noNextTasks,
    ];
    renderEntityPage('Contact', 'list', { role: 'SALES_REP', mocks, url: '/contacts?sort=EMAIL&dir=DESC&q=acme' });
    const table = await screen.findByRole('table', { name: 'Contacts' });
    expect(await within(table).findByRole('link', { name: ada })).toHaveAttribute('href', '/contacts/c1');
    expect(within(table).getAllByRole('link', { name: 'Acme' })[0]).toHaveAttribute('href', '/accounts/a1');
    expect(screen.getByText('Showing 2 of 3')).toBeInTheDocument();
    expect(screen.getByLabelText('Filter contacts')).toHaveValue('acme');
    expect(screen.getByText('Sorted by Email ↓')).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByRole('link', { name: /First3 Last3/ })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: ada })).toBeInTheDocument();
    expect(screen.getByText('Showing 3 of 3')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    // The tasks feature adds its column to the list.
    expect(within(table).getByRole('columnheader', { name: 'Next task' })).toBeInTheDocument();
    await waitFor(() => expect(within(table).getAllByText('None')).toHaveLength(3));
  });

  it('splits a text filter into words, each matching a name or the email; lists the trash on request', async () => {
    const any = (w: string) => ({ or: [{ firstName: { contains: w } }, { lastName: { contains: w } }, { email: { contains: w } }] });
    const mocks = [
      {
        request: {
          query: ContactsDocument,
          variables: { first: 25, filter: { and: [any('ada'), any('love')], deletedAt: { isNull: false } }, orderBy: byLastName },
        },
        result: page([], '', false, 0),
      },
    ];
    renderEntityPage('Contact', 'list', { role: 'SALES_REP', mocks, url: '/contacts?q=ada%20love&view=trash' });
    expect(await screen.findByText('The trash is empty.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Contacts — trash' })).toBeInTheDocument();
  });

  it('restores a contact from the trash', async () => {
    const variables = { first: 25, filter: { deletedAt: { isNull: false } }, orderBy: byLastName };
    const trashed = { ...row(1), deletedAt: '2026-02-01T00:00:00.000Z' };
    const mocks = [
      { request: { query: ContactsDocument, variables }, result: page([trashed], 'cur-c1', false, 1) },
      { request: { query: RestoreContactDocument, variables: { id: 'c1' } }, result: { data: { restoreContact: row(1) } } },
      // The restore drops the cached lists: the trash is fetched again.
      { request: { query: ContactsDocument, variables }, result: page([], '', false, 0) },
      ...noNextTasks,
    ];
    renderEntityPage('Contact', 'list', { role: 'SALES_REP', mocks, url: '/contacts?view=trash' });
    // Trashed contacts are not found by id, so the trash does not link to them.
    expect(await screen.findByText('First1 Last1')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: ada })).not.toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Restore First1 Last1' }));
    expect(await screen.findByText('First1 Last1 restored')).toBeInTheDocument();
    expect(await screen.findByText('The trash is empty.')).toBeInTheDocument();
  });

  it('offers "New contact" to roles that may create contacts, not to a dispatcher', async () => {
    const mocks = () => [
      { request: { query: ContactsDocument, variables: { first: 25, filter: {}, orderBy: byLastName } }, result: page([row(1)], 'cur-c1', false, 1) },
      ...noNextTasks,
    ];
    const { unmount } = renderEntityPage('Contact', 'list', { role: 'DISPATCHER', mocks: mocks() });
    expect(await screen.findByRole('link', { name: ada })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New contact' })).not.toBeInTheDocument();
    // A dispatcher reads no tasks: no column for them.
    expect(screen.queryByRole('columnheader', { name: 'Next task' })).not.toBeInTheDocument();
    unmount();

    renderEntityPage('Contact', 'list', { role: 'SALES_REP', mocks: mocks() });
    expect(await screen.findByRole('link', { name: ada })).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'New contact' }));
    expect(await screen.findByRole('dialog', { name: 'New contact' })).toBeInTheDocument();
  });

  it('shows an error with a retry when the list cannot load', async () => {
    const mocks = [{ request: { query: ContactsDocument, variables: { first: 25, filter: {}, orderBy: byLastName } }, error: new Error('offline') }];
    renderEntityPage('Contact', 'list', { role: 'SALES_MANAGER', mocks });
    expect(await screen.findByText(/Cannot reach the server/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});

const base: ContactRowFragment = {
  ...row(1),
  id: 'c1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  title: 'Engineer',
  email: 'ada@acme.test',
  phone: '+15550100',
  version: 2,
};

const timeline = {
  __typename: 'ActivityLogConnection' as const,
  edges: [
    {
      __typename: 'ActivityLogEdge' as const,
      cursor: 'l1',
      node: {
        __typename: 'ActivityLog' as const,
        id: 'l1',
        cursor: 'l1',
        action: 'CREATED' as const,
        entityType: 'Contact',
        entityId: 'c1',
        entityLabel: 'Ada Lovelace',
        changes: {},
        createdAt: '2026-01-01T00:00:00.000Z',
        actor: { __typename: 'User' as const, id: 'u1', name: 'Dana' },
        viaApiKey: null,
      },
    },
  ],
};

const detail = { request: { query: ContactDetailDocument, variables: { id: 'c1' } }, result: { data: { contact: { ...base, timeline } } }, maxUsageCount: 5 };

function interaction(id: string, subject: string, occurredAt: string, deal: InteractionRowFragment['deal']): InteractionRowFragment {
  return {
    __typename: 'Interaction',
    id,
    type: 'CALL',
    subject,
    occurredAt,
    createdAt: occurredAt,
    updatedAt: occurredAt,
    deletedAt: null,
    version: 1,
    contact: { __typename: 'Contact', id: 'c1', firstName: 'Ada', lastName: 'Lovelace', account: { __typename: 'Account', id: 'a1', name: 'Acme' } },
    deal,
    owner: { __typename: 'User', id: 'u1', name: 'Dana' },
  };
}

function interactions(list: InteractionRowFragment[]) {
  return {
    request: {
      query: InteractionsDocument,
      variables: { filter: { contact: { id: { eq: 'c1' } } }, first: 20, orderBy: [{ field: 'OCCURRED_AT', direction: 'DESC' }] },
    },
    result: {
      data: {
        interactions: {
          __typename: 'InteractionConnection',
          totalCount: list.length,
          edges: list.map((node) => ({ __typename: 'InteractionEdge', cursor: node.id, node })),
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        },
      },
    },
  };
}

describe('contact page', () => {
  const intro = interaction('i1', 'Intro call', '2026-01-03T10:00:00.000Z', { __typename: 'Deal', id: 'd1', name: 'Big deal' });

  it('shows a dispatcher the contact without its interactions or tasks, and offers no changes', async () => {
    // Only the contact is mocked: asking for interactions or tasks would fail the page.
    renderEntityPage('Contact', 'detail', { role: 'DISPATCHER', mocks: [detail], url: '/contacts/c1' });
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Acme' })).toHaveAttribute('href', '/accounts/a1');
    expect(within(screen.getByRole('region', { name: 'Timeline' })).getByText(/created/i)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Interactions/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Tasks/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log interaction' })).not.toBeInTheDocument();
    expect(document.title).toBe('Ada Lovelace · Converge');
  });

  it("lists the contact's interactions for a rep, logs a new one for the contact, and shows it", async () => {
    const when = '2026-03-01T10:30';
    const occurredAt = new Date(when).toISOString();
    const created = { ...interaction('i2', 'Follow-up', occurredAt, null), body: null };
    const mocks = [
      detail,
      interactions([intro]),
      noTasksAbout('contact', 'c1'),
      {
        request: {
          query: CreateInteractionDocument,
          variables: { input: { type: 'CALL', subject: 'Follow-up', body: null, occurredAt, contactId: 'c1', dealId: null } },
        },
        result: { data: { createInteraction: created } },
      },
      interactions([created, intro]),
    ];
    renderEntityPage('Contact', 'detail', { role: 'SALES_REP', mocks, url: '/contacts/c1' });
    const section = await screen.findByRole('region', { name: 'Interactions (1)' });
    expect(within(section).getByRole('link', { name: 'Intro call' })).toHaveAttribute('href', '/interactions/i1');
    expect(within(section).getByText(/Call · .* · Big deal/)).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(within(section).getByRole('button', { name: 'Log interaction' }));
    const dialog = await screen.findByRole('dialog', { name: 'New interaction' });
    expect(within(dialog).getByRole('combobox', { name: /Contact/ })).toHaveValue('Ada Lovelace');
    expect(within(dialog).getByText('Optional · deals of Acme')).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText(/When/), { target: { value: when } });
    await user.type(within(dialog).getByLabelText(/Subject/), 'Follow-up');
    await user.click(within(dialog).getByRole('button', { name: 'Create interaction' }));
    await waitForElementToBeRemoved(() => screen.queryByRole('dialog'), { timeout: 5000 });
    // The cached interaction lists are dropped after the creation, so the section fetches them again.
    const updated = await screen.findByRole('region', { name: 'Interactions (2)' }, { timeout: 5000 });
    expect(within(updated).getByRole('link', { name: 'Follow-up' })).toHaveAttribute('href', '/interactions/i2');
  });

  it('deletes into the trash, returns to the list, and Undo restores and comes back', async () => {
    const mocks = [
      detail,
      interactions([]),
      noTasksAbout('contact', 'c1'),
      { request: { query: DeleteContactDocument, variables: { id: 'c1' } }, result: { data: { deleteContact: true } } },
      { request: { query: RestoreContactDocument, variables: { id: 'c1' } }, result: { data: { restoreContact: { ...base, version: 4 } } } },
    ];
    renderEntityPage('Contact', 'detail', {
      role: 'SALES_REP',
      mocks,
      url: '/contacts/c1',
      extraRoutes: <Route path="/contacts" element={<p>The contacts list</p>} />,
    });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Ada Lovelace moved to the trash')).toBeInTheDocument();
    expect(await screen.findByText('The contacts list')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Ada Lovelace restored')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
  });
});

const accountOption = (id: string, name: string) => ({
  __typename: 'AccountEdge' as const,
  node: { __typename: 'Account' as const, id, name, industry: null },
});

describe('contact form', () => {
  it('checks fields on the client before sending anything', async () => {
    const onSaved = jest.fn();
    await renderEntityForm('Contact', { onSaved }, { role: 'SALES_REP' });
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

  it('creates a contact at an account chosen in the account picker (searched on the server)', async () => {
    const onSaved = jest.fn();
    const created = {
      ...base,
      id: 'c9',
      title: null,
      email: null,
      phone: null,
      version: 1,
      account: { __typename: 'Account' as const, id: 'a2', name: 'Globex', deletedAt: null },
    };
    const mocks = [
      {
        request: { query: AccountOptionsDocument, variables: { filter: {}, first: 20 } },
        result: { data: { accounts: { __typename: 'AccountConnection', edges: [accountOption('a1', 'Acme'), accountOption('a2', 'Globex')] } } },
      },
      {
        request: { query: AccountOptionsDocument, variables: { filter: { name: { contains: 'glo' } }, first: 20 } },
        result: { data: { accounts: { __typename: 'AccountConnection', edges: [accountOption('a2', 'Globex')] } } },
      },
      {
        request: {
          query: CreateContactDocument,
          variables: { input: { firstName: 'Ada', lastName: 'Lovelace', title: null, email: null, phone: null, accountId: 'a2' } },
        },
        result: { data: { createContact: created } },
      },
    ];
    await renderEntityForm('Contact', { onSaved }, { role: 'SALES_REP', mocks });
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
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'c9' }), true));
  });

  it('shows the server field errors on the fields', async () => {
    const mocks = [
      {
        request: {
          query: CreateContactDocument,
          variables: { input: { firstName: 'Ada', lastName: 'Lovelace', title: null, email: 'ada@acme.test', phone: '123456', accountId: null } },
        },
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
    await renderEntityForm('Contact', {}, { role: 'SALES_REP', mocks });
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
    const reloaded = { ...base, firstName: 'Augusta', version: 3 };
    const onReload = jest.fn().mockResolvedValue(reloaded);
    const mocks = [
      {
        request: {
          query: UpdateContactDocument,
          variables: {
            id: 'c1',
            input: { firstName: 'Ada', lastName: 'King', title: 'Engineer', email: 'ada@acme.test', phone: '+15550100', accountId: 'a1', ownerId: 'u1' },
            expectedVersion: 2,
          },
        },
        result: { errors: [new GraphQLError('Version conflict', { extensions: { code: 'CONFLICT' } })] },
      },
    ];
    await renderEntityForm('Contact', { record: base, onReload }, { role: 'SALES_MANAGER', mocks });
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
    expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveValue('Dana');
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});
