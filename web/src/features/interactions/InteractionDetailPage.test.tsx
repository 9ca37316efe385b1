import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { DeleteInteractionDocument, InteractionDetailDocument, InteractionHistoryDocument, type InteractionFullFragment } from '../../gql/graphql';
import { renderScreen } from '../../test/render';
import { InteractionDetailPage } from './InteractionDetailPage';

// Screens render slowly on a busy machine: async queries get more room than the default second.
configure({ asyncUtilTimeout: 5000 });

const interaction: InteractionFullFragment = {
  __typename: 'Interaction',
  id: 'i1',
  type: 'MEETING',
  subject: 'Site visit',
  body: 'Walked the roof.\nNeeds two new vents.',
  occurredAt: '2026-01-03T10:00:00.000Z',
  createdAt: '2026-01-03T10:05:00.000Z',
  updatedAt: '2026-01-03T10:05:00.000Z',
  deletedAt: null,
  version: 1,
  contact: { __typename: 'Contact', id: 'c1', firstName: 'Ada', lastName: 'Lovelace', account: { __typename: 'Account', id: 'a1', name: 'Acme' } },
  deal: { __typename: 'Deal', id: 'd1', name: 'Big deal' },
  owner: { __typename: 'User', id: 'u1', name: 'Dana' },
};

const historyFilter = { entityType: { eq: 'Interaction' }, entityId: { eq: 'i1' } };
const history = {
  request: { query: InteractionHistoryDocument, variables: { filter: historyFilter } },
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
};

describe('InteractionDetailPage', () => {
  it('shows the fields, links to the contact, account and deal, the details and the history', async () => {
    const mocks = [{ request: { query: InteractionDetailDocument, variables: { id: 'i1' } }, result: { data: { interaction } } }, history];
    renderScreen(<InteractionDetailPage />, { role: 'SALES_REP', mocks, url: '/interactions/i1', path: '/interactions/:id' });
    expect(await screen.findByRole('heading', { name: 'Site visit' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', '/contacts/c1');
    expect(screen.getByRole('link', { name: 'Acme' })).toHaveAttribute('href', '/accounts/a1');
    expect(screen.getByRole('link', { name: 'Big deal' })).toHaveAttribute('href', '/deals/d1');
    expect(within(screen.getByRole('region', { name: 'Details' })).getByText(/Needs two new vents/)).toBeInTheDocument();
    expect(await within(screen.getByRole('region', { name: 'Timeline' })).findByText(/created/i)).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Site visit' });
    expect(within(dialog).getByLabelText(/Subject/)).toHaveValue('Site visit');
  });

  it('deletes into the trash and returns to the list, with an Undo', async () => {
    const mocks = [
      { request: { query: InteractionDetailDocument, variables: { id: 'i1' } }, result: { data: { interaction } } },
      history,
      { request: { query: DeleteInteractionDocument, variables: { id: 'i1' } }, result: { data: { deleteInteraction: true } } },
    ];
    renderScreen(<InteractionDetailPage />, {
      role: 'SALES_MANAGER',
      mocks,
      url: '/interactions/i1',
      path: '/interactions/:id',
      extraRoutes: <Route path="/interactions" element={<p>The interactions list</p>} />,
    });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('The interactions list')).toBeInTheDocument();
    expect(screen.getByText('Site visit moved to the trash')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it('says so when the interaction does not exist or is not visible', async () => {
    const mocks = [{ request: { query: InteractionDetailDocument, variables: { id: 'i1' } }, result: { data: { interaction: null } } }, history];
    renderScreen(<InteractionDetailPage />, { role: 'SALES_REP', mocks, url: '/interactions/i1', path: '/interactions/:id' });
    expect(await screen.findByText('Interaction not found')).toBeInTheDocument();
  });
});
