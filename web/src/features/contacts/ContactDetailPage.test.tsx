import { configure, fireEvent, screen, waitForElementToBeRemoved, within } from '@testing-library/react';
import { Route } from 'react-router';
import userEvent from '@testing-library/user-event';
import { ContactDetailDocument, CreateInteractionDocument, DeleteContactDocument, RestoreContactDocument, type ContactDetailQuery, type ContactRowFragment } from '../../gql/graphql';
import { renderScreen } from '../../test/render';
import { ContactDetailPage } from './ContactDetailPage';

// Screens render slowly on a busy machine: async queries get more room than the default second.
configure({ asyncUtilTimeout: 5000 });

const base: ContactRowFragment = {
  __typename: 'Contact',
  id: 'c1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  title: 'Engineer',
  email: 'ada@acme.test',
  phone: '+15550100',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
  deletedAt: null,
  version: 2,
  account: { __typename: 'Account', id: 'a1', name: 'Acme', deletedAt: null },
  owner: { __typename: 'User', id: 'u1', name: 'Dana' },
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

const interactions = {
  __typename: 'InteractionConnection' as const,
  totalCount: 1,
  edges: [
    {
      __typename: 'InteractionEdge' as const,
      cursor: 'i1',
      node: { __typename: 'Interaction' as const, id: 'i1', type: 'CALL' as const, subject: 'Intro call', occurredAt: '2026-01-03T10:00:00.000Z', deal: { __typename: 'Deal' as const, id: 'd1', name: 'Big deal' } },
    },
  ],
  pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: 'i1' },
};

type Interactions = NonNullable<NonNullable<ContactDetailQuery['contact']>['interactions']>;

function detail(withInteractions: boolean, list: Interactions = interactions) {
  const contact: NonNullable<ContactDetailQuery['contact']> = { ...base, timeline, ...(withInteractions ? { interactions: list } : {}) };
  return { request: { query: ContactDetailDocument, variables: { id: 'c1', withInteractions } }, result: { data: { contact } } };
}

describe('ContactDetailPage', () => {
  it('shows a dispatcher the contact without asking for its interactions, and offers no changes', async () => {
    // Only the withInteractions: false request is mocked; asking for interactions would fail the page.
    renderScreen(<ContactDetailPage />, { role: 'DISPATCHER', mocks: [detail(false)], url: '/contacts/c1', path: '/contacts/:id' });
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Acme' })).toHaveAttribute('href', '/accounts/a1');
    expect(within(screen.getByRole('region', { name: 'Timeline' })).getByText(/created/i)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Interactions/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log interaction' })).not.toBeInTheDocument();
  });

  it("lists the contact's interactions for a rep, logs a new one for the contact, and shows it", async () => {
    const when = '2026-03-01T10:30';
    const created = {
      __typename: 'Interaction' as const,
      id: 'i2',
      type: 'CALL' as const,
      subject: 'Follow-up',
      body: null,
      occurredAt: new Date(when).toISOString(),
      createdAt: '2026-03-01T10:31:00.000Z',
      updatedAt: '2026-03-01T10:31:00.000Z',
      deletedAt: null,
      version: 1,
      contact: { __typename: 'Contact' as const, id: 'c1', firstName: 'Ada', lastName: 'Lovelace', account: { __typename: 'Account' as const, id: 'a1', name: 'Acme' } },
      deal: null,
      owner: { __typename: 'User' as const, id: 'u1', name: 'Dana' },
    };
    const after: Interactions = {
      ...interactions,
      totalCount: 2,
      edges: [{ __typename: 'InteractionEdge', cursor: 'i2', node: { __typename: 'Interaction', id: 'i2', type: 'CALL', subject: 'Follow-up', occurredAt: created.occurredAt, deal: null } }, ...interactions.edges],
    };
    const mocks = [
      detail(true),
      {
        request: { query: CreateInteractionDocument, variables: { input: { type: 'CALL', subject: 'Follow-up', body: null, occurredAt: created.occurredAt, contactId: 'c1', dealId: null } } },
        result: { data: { createInteraction: created } },
      },
      detail(true, after),
    ];
    renderScreen(<ContactDetailPage />, { role: 'SALES_REP', mocks, url: '/contacts/c1', path: '/contacts/:id' });
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
    // The contact's cached interactions are dropped after the creation, so the page fetches them again.
    const updated = await screen.findByRole('region', { name: 'Interactions (2)' }, { timeout: 5000 });
    expect(within(updated).getByRole('link', { name: 'Follow-up' })).toHaveAttribute('href', '/interactions/i2');
  });

  it('deletes into the trash, returns to the list, and Undo restores and comes back', async () => {
    const mocks = [
      detail(true),
      { request: { query: DeleteContactDocument, variables: { id: 'c1' } }, result: { data: { deleteContact: true } } },
      { request: { query: RestoreContactDocument, variables: { id: 'c1' } }, result: { data: { restoreContact: { ...base, version: 4 } } } },
    ];
    renderScreen(<ContactDetailPage />, {
      role: 'SALES_REP',
      mocks,
      url: '/contacts/c1',
      path: '/contacts/:id',
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
