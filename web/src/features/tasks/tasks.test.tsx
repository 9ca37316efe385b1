import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import type { TaskRowFragment } from '../../gql/graphql';
import { DealDetailDocument, DealsDocument } from '../../gql/deals';
import { UserOptionsDocument } from '../../gql/people';
import { CreateTaskDocument, DealNextTasksDocument, SetTaskDoneDocument, TasksDocument } from '../../gql/tasks';
import { renderEntityForm, renderEntityPage, renderScreen, testUser } from '../../test/render';
import { noInteractionsOf } from '../../test/mocks';
import { capabilitiesFor } from '../../test/capabilities';
import { dealRow } from '../deals/test-data';
import { MyTasksPage } from './MyTasksPage';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(60_000);

const me = testUser('SALES_REP', { id: 'u-me', name: 'Riley Rep' });

function task(id: string, title: string, dueAt: string | null, over: Partial<TaskRowFragment> = {}): TaskRowFragment {
  return {
    __typename: 'Task',
    id,
    title,
    dueAt,
    done: false,
    completedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    deletedAt: null,
    version: 1,
    assignee: { __typename: 'User', id: 'u-me', name: 'Riley Rep' },
    owner: { __typename: 'User', id: 'u-me', name: 'Riley Rep' },
    account: null,
    contact: null,
    deal: { __typename: 'Deal', id: 'd1', name: 'Boiler service' },
    ...over,
  };
}

function connection(tasks: TaskRowFragment[]) {
  return {
    tasks: {
      __typename: 'TaskConnection' as const,
      totalCount: tasks.length,
      edges: tasks.map((node) => ({ __typename: 'TaskEdge' as const, cursor: `c-${node.id}`, node })),
      pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
    },
  };
}

const overdue = task('t1', 'Call back about the quote', '2020-01-01T09:00:00.000Z');
const later = task('t2', 'Send the contract', '2099-01-01T09:00:00.000Z');
const dueFirst = [{ field: 'DUE_AT', direction: 'ASC' }];
const mine = { done: { eq: false }, or: [{ owner: { id: { eq: 'u-me' } } }, { assignee: { id: { eq: 'u-me' } } }] };

describe('My tasks', () => {
  it('lists my open tasks, overdue first, and completes one with a click (at once, with Undo)', async () => {
    let server = [overdue, later];
    const queue = jest.fn(() => ({ data: connection(server) }));
    const setDone = jest.fn((vars: { id: string; done: boolean }) => {
      server = vars.done ? server.filter((t) => t.id !== vars.id) : [overdue, later];
      const t = vars.id === 't1' ? overdue : later;
      return { data: { updateTask: { ...t, done: vars.done, completedAt: vars.done ? '2026-03-01T00:00:00.000Z' : null, version: t.version + 1 } } };
    });
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: TasksDocument, variables: { filter: mine, first: 50, orderBy: dueFirst } }, result: queue, maxUsageCount: 10 },
      // The server answers a moment later: the list has already changed by then.
      { request: { query: SetTaskDoneDocument, variables: () => true }, result: setDone, maxUsageCount: 2, delay: 300 },
    ];
    renderScreen(<MyTasksPage />, { user: me, mocks });
    const overdueSection = await screen.findByRole('region', { name: 'Overdue (1)' });
    expect(within(overdueSection).getByRole('link', { name: 'Call back about the quote' })).toHaveAttribute('href', '/tasks/t1');
    expect(within(overdueSection).getByText(/^Overdue ·/)).toBeInTheDocument();
    expect(within(overdueSection).getByRole('link', { name: 'Boiler service' })).toHaveAttribute('href', '/deals/d1');
    expect(within(screen.getByRole('region', { name: 'Coming up (1)' })).getByRole('link', { name: 'Send the contract' })).toBeInTheDocument();
    expect(document.title).toBe('My tasks · Converge');

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('checkbox', { name: 'Complete Call back about the quote' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Call back about the quote' })).not.toBeInTheDocument());
    // Gone before the server's answer (which brings the notice).
    expect(screen.queryByText('“Call back about the quote” done')).not.toBeInTheDocument();
    expect(await screen.findByText('“Call back about the quote” done')).toBeInTheDocument();
    expect(setDone).toHaveBeenCalledWith({ id: 't1', done: true });

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('link', { name: 'Call back about the quote' })).toBeInTheDocument();
    expect(setDone).toHaveBeenLastCalledWith({ id: 't1', done: false });
  });

  it('says when there is nothing to do', async () => {
    const mocks = [{ request: { query: TasksDocument, variables: { filter: mine, first: 50, orderBy: dueFirst } }, result: { data: connection([]) } }];
    renderScreen(<MyTasksPage />, { user: me, mocks });
    expect(await screen.findByText('Nothing to do.')).toBeInTheDocument();
  });
});

describe('tasks on a deal', () => {
  const deal = {
    ...dealRow({ owner: { __typename: 'User', id: 'u-me', name: 'Riley Rep' } }),
    project: null,
    timeline: { __typename: 'ActivityLogConnection' as const, edges: [] },
  };
  const aboutDeal = { deal: { id: { eq: 'd1' } }, done: { eq: false } };

  it('shows its open tasks and adds one prefilled with the deal and its account', async () => {
    let server = [later];
    const created = task('t3', 'Book the site visit', null, {
      deal: { __typename: 'Deal', id: 'd1', name: 'Boiler service' },
      account: { __typename: 'Account', id: 'a1', name: 'Acme' },
    });
    const input = { title: 'Book the site visit', dueAt: null, assigneeId: 'u-me', accountId: 'a1', contactId: null, dealId: 'd1', notes: null };
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: DealDetailDocument, variables: { id: 'd1' } }, result: { data: { deal } }, maxUsageCount: 5 },
      noInteractionsOf('deal', 'd1'),
      {
        request: { query: TasksDocument, variables: { filter: aboutDeal, first: 20, orderBy: dueFirst } },
        result: () => ({ data: connection(server) }),
        maxUsageCount: 5,
      },
      {
        request: { query: CreateTaskDocument, variables: { input } },
        result: () => {
          server = [later, created];
          return { data: { createTask: { ...created, notes: null } } };
        },
      },
    ];
    renderEntityPage('Deal', 'detail', { user: me, mocks, url: '/deals/d1' });
    const section = await screen.findByRole('region', { name: 'Tasks (1)' });
    expect(within(section).getByRole('link', { name: 'Send the contract' })).toBeInTheDocument();
    // On a deal's page, beside its interactions.
    expect(screen.getByRole('button', { name: 'Log interaction' })).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(within(section).getByRole('button', { name: 'Add task' }));
    const dialog = await screen.findByRole('dialog', { name: 'New task' });
    expect(within(dialog).getByRole('combobox', { name: 'Deal' })).toHaveValue('Boiler service');
    expect(within(dialog).getByRole('combobox', { name: 'Account' })).toHaveValue('Acme');
    expect(within(dialog).getByRole('combobox', { name: 'Assignee' })).toHaveValue('Riley Rep');
    await user.type(within(dialog).getByLabelText(/Title/), 'Book the site visit');
    await user.click(within(dialog).getByRole('button', { name: 'Create task' }));
    expect(await screen.findByRole('region', { name: 'Tasks (2)' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Book the site visit' })).toHaveAttribute('href', '/tasks/t3');
  });

  it('lists the next task of each deal in the deals list', async () => {
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: DealsDocument, variables: { first: 25, filter: {}, orderBy: [{ field: 'CREATED_AT', direction: 'DESC' }] } },
        result: {
          data: {
            deals: {
              __typename: 'DealConnection',
              totalCount: 2,
              edges: [dealRow(), dealRow({ id: 'd2', name: 'Roof' })].map((node) => ({ __typename: 'DealEdge', cursor: node.id, node })),
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            },
          },
        },
      },
      {
        request: { query: DealNextTasksDocument, variables: { ids: ['d1', 'd2'], first: 2 } },
        result: {
          data: {
            deals: {
              __typename: 'DealConnection',
              edges: [
                {
                  __typename: 'DealEdge',
                  node: {
                    __typename: 'Deal',
                    id: 'd1',
                    nextTask: { __typename: 'Task', id: 't1', title: 'Call back about the quote', dueAt: '2020-01-01T09:00:00.000Z' },
                  },
                },
                { __typename: 'DealEdge', node: { __typename: 'Deal', id: 'd2', nextTask: null } },
              ],
            },
          },
        },
      },
    ];
    renderEntityPage('Deal', 'list', { user: me, mocks });
    const table = await screen.findByRole('table', { name: 'Deals' });
    expect(await within(table).findByRole('link', { name: 'Call back about the quote' })).toHaveAttribute('href', '/tasks/t1');
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]).getByText(/^Overdue ·/)).toBeInTheDocument();
    expect(within(rows[2]).getByText('None')).toBeInTheDocument();
  });
});

describe('tasks list and form', () => {
  it('filters open tasks that are mine for a manager, earliest due first', async () => {
    const filter = { or: [{ owner: { id: { eq: 'u-boss' } } }, { assignee: { id: { eq: 'u-boss' } } }], done: { eq: false } };
    const mocks = [{ request: { query: TasksDocument, variables: { first: 25, filter, orderBy: dueFirst } }, result: { data: connection([overdue]) } }];
    renderEntityPage('Task', 'list', { user: testUser('SALES_MANAGER', { id: 'u-boss' }), mocks, url: '/tasks?mine=1&status=open' });
    const table = await screen.findByRole('table', { name: 'Tasks' });
    expect(await within(table).findByRole('link', { name: 'Call back about the quote' })).toBeInTheDocument();
    expect(within(table).getByRole('checkbox', { name: 'Complete Call back about the quote' })).not.toBeChecked();
    expect(screen.getByText('Sorted by Due ↑')).toBeInTheDocument();
  });

  it("lists a contact's open tasks from the contact page's link", async () => {
    const about = task('t4', 'Send the brochure', null, { contact: { __typename: 'Contact', id: 'c1', firstName: 'Ada', lastName: 'Lovelace' } });
    const filter = { contact: { id: { eq: 'c1' } }, done: { eq: false } };
    const mocks = [{ request: { query: TasksDocument, variables: { first: 25, filter, orderBy: dueFirst } }, result: { data: connection([about]) } }];
    renderEntityPage('Task', 'list', { user: me, mocks, url: '/tasks?contact=c1&status=open' });
    const table = await screen.findByRole('table', { name: 'Tasks' });
    expect(await within(table).findByRole('link', { name: 'Send the brochure' })).toBeInTheDocument();
    expect(screen.getByText('Contact: Ada Lovelace')).toBeInTheDocument();
  });

  it('needs a title, and offers no owner to a rep', async () => {
    const onSaved = jest.fn();
    await renderEntityForm('Task', { onSaved }, { user: me });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Create task' }));
    expect(await screen.findByText('is required')).toBeInTheDocument();
    expect(screen.getByLabelText(/Title/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('combobox', { name: 'Owner' })).not.toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('offers as assignee and owner only the roles the server says may hold tasks, and starts with the author only if they may', async () => {
    // An admin whose `me { capabilities }` says tasks are held by managers and reps only.
    const capabilities = capabilitiesFor('ADMIN').map((c) =>
      c.entityType === 'Task' ? { ...c, holderRoles: ['SALES_MANAGER' as const, 'SALES_REP' as const] } : c,
    );
    const admin = testUser('ADMIN', { id: 'u-admin', name: 'Avery Admin', capabilities });
    const rep = { __typename: 'User' as const, id: 'u-rep', name: 'Riley Rep', role: 'SALES_REP' as const };
    const mocks = [
      {
        request: { query: UserOptionsDocument, variables: { filter: { active: { eq: true }, role: { in: ['SALES_MANAGER', 'SALES_REP'] } }, first: 20 } },
        result: { data: { users: { __typename: 'UserConnection', edges: [{ __typename: 'UserEdge', node: rep }] } } },
        maxUsageCount: 2,
      },
    ];
    await renderEntityForm('Task', {}, { user: admin, mocks });
    const user = userEvent.setup({ delay: null });
    const assignee = screen.getByRole('combobox', { name: 'Assignee' });
    expect(assignee).toHaveValue('');
    await user.click(assignee);
    await user.click(await screen.findByRole('option', { name: /Riley Rep/ }));
    expect(assignee).toHaveValue('Riley Rep');
    // The admin may give the task to someone but not hold it: the owner is theirs to pick too.
    const owner = screen.getByRole('combobox', { name: 'Owner' });
    expect(owner).toHaveValue('');
    await user.click(owner);
    expect(await screen.findByRole('option', { name: /Riley Rep/ })).toBeInTheDocument();
  });
});
