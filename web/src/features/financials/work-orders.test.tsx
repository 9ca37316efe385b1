import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { Route } from 'react-router';
import type { MockLink } from '@apollo/client/testing';
import type { Role, WorkOrderStatus } from '../../gql/graphql';
import { ChangeWorkOrderStatusDocument, CreateInvoiceFromWorkOrderDocument, CreateWorkOrderDocument, WorkOrdersDocument } from '../../gql/work-orders';
import { renderEntityForm, renderEntityPage, testUser } from '../../test/render';
import { accountOptions, cellTexts, invoice, withoutTimeline as invoiceWithoutTimeline } from './invoice-test-data';
import { acmeContacts, withoutTimeline, workOrder, workOrderDetailMock, workOrderRow, type WorkOrderDetail } from './work-order-test-data';

// Dialog transitions and MockLink delays take longer on a busy machine than the 1 s default.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

const dispatcher = testUser('DISPATCHER', { id: 'u-dis', name: 'Dana Dispatcher' });
const accountant = testUser('ACCOUNTANT', { id: 'u-acc', name: 'Avery Accountant' });
const manager = testUser('SALES_MANAGER', { id: 'u-mgr', name: 'Morgan Manager' });

type CreateVariables = { input: { accountId: string; contactId: string | null; description: string; lines: Record<string, unknown>[] }; withInvoice: boolean };

// Every command a work order's page may offer, to tell them from the page's other buttons.
const COMMANDS = ['Create invoice', 'Schedule', 'Start', 'Unschedule', 'Complete', 'Back to scheduled', 'Cancel work order', 'Reopen', 'Edit', 'Delete'];
const commands = () =>
  screen
    .queryAllByRole('button')
    .map((b) => b.textContent ?? '')
    .filter((name) => COMMANDS.includes(name));

/** A work order's page as a user of a role sees it (the invoice is asked for only by those who read invoices). */
async function openPage(role: Role, w: Partial<WorkOrderDetail>, mocks: MockLink.MockedResponse[] = [], extra: { url?: string } = {}) {
  const withInvoice = role !== 'DISPATCHER';
  const user = testUser(role, { id: `u-${role.toLowerCase()}` });
  renderEntityPage('WorkOrder', 'detail', {
    user,
    mocks: [workOrderDetailMock(workOrder(w, withInvoice), withInvoice), ...mocks],
    url: '/work-orders/wo-1',
    extraRoutes: <Route path="/invoices/:id" element={<p>The draft invoice</p>} />,
    ...extra,
  });
  expect(await screen.findByRole('heading', { level: 1, name: 'WO-2026-0001' })).toBeInTheDocument();
}

describe('the work order list', () => {
  it('shows number, account, description, status and total; a manager opens none', async () => {
    const done = workOrderRow({ id: 'wo-2', number: 'WO-2026-0002', status: 'COMPLETED', description: 'Service the heat pump', total: '310.50' });
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: WorkOrdersDocument, variables: { first: 25, filter: {}, orderBy: [{ field: 'CREATED_AT', direction: 'DESC' }] } },
        result: {
          data: {
            workOrders: {
              __typename: 'WorkOrderConnection',
              totalCount: 2,
              edges: [done, workOrderRow()].map((node) => ({ __typename: 'WorkOrderEdge', cursor: node.id, node })),
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            },
          },
        },
      },
    ];
    renderEntityPage('WorkOrder', 'list', { user: manager, mocks, url: '/work-orders' });
    const table = await screen.findByRole('table', { name: 'Work orders' });
    await within(table).findByText('WO-2026-0002');
    expect(cellTexts(table)).toEqual([
      ['WO-2026-0002', 'Acme Corp', 'Service the heat pump', 'Completed', '$310.50'],
      ['WO-2026-0001', 'Acme Corp', 'Replace the boiler pump', 'Open', '$120.00'],
    ]);
    expect(within(table).getByRole('link', { name: 'WO-2026-0002' })).toHaveAttribute('href', '/work-orders/wo-2');
    expect(screen.queryByRole('button', { name: 'New work order' })).not.toBeInTheDocument();
  });

  it('filters by status and account from the address', async () => {
    const sent = jest.fn(() => ({
      data: {
        workOrders: {
          __typename: 'WorkOrderConnection',
          totalCount: 0,
          edges: [],
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        },
      },
    }));
    const variables = {
      first: 25,
      filter: { status: { in: ['SCHEDULED', 'IN_PROGRESS'] }, account: { id: { eq: 'acc-1' } } },
      orderBy: [{ field: 'NUMBER', direction: 'ASC' }],
    };
    renderEntityPage('WorkOrder', 'list', {
      user: dispatcher,
      mocks: [{ request: { query: WorkOrdersDocument, variables }, result: sent }],
      url: '/work-orders?status=SCHEDULED,IN_PROGRESS&account=acc-1&sort=NUMBER&dir=ASC',
    });
    expect(await screen.findByText('No work orders match this filter.')).toBeInTheDocument();
    expect(sent).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'New work order' })).toBeInTheDocument();
  });
});

describe('the work order form', () => {
  it('has no prices for a dispatcher, offers the account’s contacts and sends lines without a price', async () => {
    let sent: CreateVariables | null = null;
    const mocks: MockLink.MockedResponse[] = [
      accountOptions,
      acmeContacts,
      {
        request: { query: CreateWorkOrderDocument, variables: () => true },
        result: (vars: CreateVariables) => {
          sent = vars;
          return { data: { createWorkOrder: withoutTimeline(workOrder({}, false)) } };
        },
      },
    ];
    const onSaved = jest.fn();
    await renderEntityForm('WorkOrder', { onSaved }, { user: dispatcher, mocks });
    const dialog = screen.getByRole('dialog', { name: 'New work order' });
    const u = userEvent.setup({ delay: null });
    expect(within(dialog).queryByLabelText(/^Unit price/)).not.toBeInTheDocument();
    expect(within(dialog).getByText(/The office prices the lines/)).toBeInTheDocument();
    expect(within(dialog).getByText('Choose the account first')).toBeInTheDocument();

    await u.click(within(dialog).getByRole('combobox', { name: 'Account' }));
    await u.click(await screen.findByRole('option', { name: /Acme Corp/ }));
    await u.click(within(dialog).getByRole('combobox', { name: 'Contact' }));
    await u.click(await screen.findByRole('option', { name: /Ada Lovelace/ }));
    await u.type(within(dialog).getByLabelText(/^Description \*/), 'Replace the boiler pump');
    await u.type(within(dialog).getByLabelText(/^Description 1/), 'Fit the new pump');
    await u.clear(within(dialog).getByLabelText(/^Quantity 1/));
    await u.type(within(dialog).getByLabelText(/^Quantity 1/), '2.5');
    await u.click(within(dialog).getByRole('button', { name: 'Create work order' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent).toEqual({
      input: { accountId: 'acc-1', contactId: 'con-1', description: 'Replace the boiler pump', lines: [{ description: 'Fit the new pump', quantity: '2.5' }] },
      withInvoice: false,
    });
  });

  it('prices the lines for an accountant, totalling the priced ones, and sends an empty price as null (it clears it)', async () => {
    let sent: CreateVariables | null = null;
    const mocks: MockLink.MockedResponse[] = [
      accountOptions,
      {
        request: { query: CreateWorkOrderDocument, variables: () => true },
        result: (vars: CreateVariables) => {
          sent = vars;
          return { data: { createWorkOrder: withoutTimeline(workOrder()) } };
        },
      },
    ];
    const onSaved = jest.fn();
    await renderEntityForm('WorkOrder', { onSaved }, { user: accountant, mocks });
    const dialog = screen.getByRole('dialog', { name: 'New work order' });
    const u = userEvent.setup({ delay: null });
    const summary = within(dialog).getByRole('status');

    await u.click(within(dialog).getByRole('combobox', { name: 'Account' }));
    await u.click(await screen.findByRole('option', { name: /Acme Corp/ }));
    await u.type(within(dialog).getByLabelText(/^Description \*/), 'Replace the boiler pump');
    await u.type(within(dialog).getByLabelText(/^Description 1/), 'Labour');
    await u.clear(within(dialog).getByLabelText(/^Quantity 1/));
    await u.type(within(dialog).getByLabelText(/^Quantity 1/), '1.5');
    await u.type(within(dialog).getByLabelText(/^Unit price 1/), '80');
    await u.click(within(dialog).getByRole('button', { name: 'Add line' }));
    await u.type(within(dialog).getByLabelText(/^Description 2/), 'Pump');
    expect(within(summary).getByText('1 line not priced')).toBeInTheDocument();
    expect(within(summary).getByText('Total 120.00')).toBeInTheDocument();
    await u.click(within(dialog).getByRole('button', { name: 'Create work order' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent).toEqual({
      input: {
        accountId: 'acc-1',
        contactId: null,
        description: 'Replace the boiler pump',
        lines: [
          { description: 'Labour', quantity: '1.5', unitPrice: '80.00' },
          { description: 'Pump', quantity: '1', unitPrice: null },
        ],
      },
      withInvoice: true,
    });
  });
});

describe('a work order’s page', () => {
  it('shows the links, the lines with their prices or "Not priced", and the total; a dispatcher is not told about invoices', async () => {
    await openPage('DISPATCHER', {});
    expect(screen.getByRole('link', { name: 'Acme Corp' })).toHaveAttribute('href', '/accounts/acc-1');
    expect(screen.getByRole('link', { name: 'Work orders of Acme Corp' })).toHaveAttribute('href', '/work-orders?account=acc-1');
    expect(screen.getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', '/contacts/con-1');
    expect(cellTexts(screen.getByRole('table', { name: 'Lines' }))).toEqual([
      ['Labour1.5 × $80.00', '1.5', '$80.00', '$120.00'],
      ['Pump1 × Not priced', '1', 'Not priced', '—'],
      ['Total', '', '', '$120.00'],
    ]);
    expect(screen.queryByText('Invoice')).not.toBeInTheDocument();
  });

  it.each<[WorkOrderStatus, string[]]>([
    ['OPEN', ['Schedule', 'Start', 'Cancel work order', 'Edit']],
    ['SCHEDULED', ['Start', 'Unschedule', 'Cancel work order', 'Edit']],
    ['IN_PROGRESS', ['Complete', 'Back to scheduled', 'Cancel work order', 'Edit']],
    ['COMPLETED', ['Reopen']],
    ['INVOICED', []],
    ['CANCELLED', ['Reopen']],
  ])('offers a dispatcher the moves from %s', async (status, expected) => {
    await openPage('DISPATCHER', { status });
    expect(commands()).toEqual(expected);
  });

  it('is read-only for a sales manager', async () => {
    await openPage('SALES_MANAGER', { status: 'IN_PROGRESS' });
    expect(commands()).toEqual([]);
    expect(screen.getByText('Not billed yet')).toBeInTheDocument();
  });

  it.each<[Role, string[]]>([
    ['ADMIN', ['Create invoice', 'Reopen']],
    ['ACCOUNTANT', ['Create invoice', 'Reopen']],
    ['DISPATCHER', ['Reopen']],
    ['SALES_MANAGER', []],
  ])('offers "Create invoice" on a completed order to %s only if they bill', async (role, expected) => {
    await openPage(role, { status: 'COMPLETED' });
    expect(commands()).toEqual(expected);
  });

  it('links the invoice billing it, and then neither bills nor reopens it', async () => {
    await openPage('ACCOUNTANT', { status: 'COMPLETED', invoice: { __typename: 'Invoice', id: 'inv-1', number: null, status: 'DRAFT' } });
    expect(screen.getByRole('link', { name: 'Draft invoice' })).toHaveAttribute('href', '/invoices/inv-1');
    expect(commands()).toEqual([]);
  });

  it('moves a work order on with the version it shows', async () => {
    let stored = workOrder({}, false);
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: ChangeWorkOrderStatusDocument, variables: { id: 'wo-1', status: 'SCHEDULED', expectedVersion: 1, withInvoice: false } },
        result: () => {
          stored = workOrder({ status: 'SCHEDULED', version: 2 }, false);
          return { data: { changeWorkOrderStatus: withoutTimeline(stored) } };
        },
      },
    ];
    renderEntityPage('WorkOrder', 'detail', { user: dispatcher, mocks: [workOrderDetailMock(() => stored, false), ...mocks], url: '/work-orders/wo-1' });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'Schedule' }));
    expect(await screen.findByText('WO-2026-0001 is scheduled')).toBeInTheDocument();
    await waitFor(() => expect(commands()).toEqual(['Start', 'Unschedule', 'Cancel work order', 'Edit']));
  });

  it('creates the draft invoice and opens it', async () => {
    const draft = invoiceWithoutTimeline(invoice({ workOrder: { __typename: 'WorkOrder', id: 'wo-1', number: 'WO-2026-0001' } }));
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: CreateInvoiceFromWorkOrderDocument, variables: { workOrderId: 'wo-1' } }, result: { data: { createInvoiceFromWorkOrder: draft } } },
    ];
    await openPage('ACCOUNTANT', { status: 'COMPLETED' }, mocks);
    const u = userEvent.setup({ delay: null });
    await u.click(screen.getByRole('button', { name: 'Create invoice' }));
    expect(await screen.findByText('The draft invoice')).toBeInTheDocument();
  });

  it('says why a work order cannot be billed yet', async () => {
    const refusal = new GraphQLError('Invalid input', {
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['workOrderId'], message: 'Line 2 of WO-2026-0001 has no price yet' }] },
    });
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: CreateInvoiceFromWorkOrderDocument, variables: { workOrderId: 'wo-1' } }, result: { errors: [refusal] } },
    ];
    await openPage('ADMIN', { status: 'COMPLETED' }, mocks);
    const u = userEvent.setup({ delay: null });
    await u.click(screen.getByRole('button', { name: 'Create invoice' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Line 2 of WO-2026-0001 has no price yet');
    expect(screen.getByRole('heading', { level: 1, name: 'WO-2026-0001' })).toBeInTheDocument();
  });
});
