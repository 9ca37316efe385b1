import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { CreateInvoiceDocument, InvoicesDocument, IssueInvoiceDocument, VoidInvoiceDocument } from '../../gql/invoices';
import { renderEntityForm, renderEntityPage, testUser } from '../../test/render';
import { today } from '../../components/kit/format';
import { accountOptions, cellTexts, invoice, invoiceDetailMock, invoiceRow, issued, withoutTimeline } from './invoice-test-data';

// Dialog transitions and MockLink delays take longer on a busy machine than the 1 s default.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

const accountant = testUser('ACCOUNTANT', { id: 'u-acc', name: 'Avery Accountant' });
const manager = testUser('SALES_MANAGER', { id: 'u-mgr', name: 'Morgan Manager' });

type CreateVariables = { input: { accountId: string; dueDate: string; taxRate: string; lines: unknown[] } };

describe('the invoice list', () => {
  it('shows number (or Draft), account, dates, status, total and balance due; a manager writes nothing', async () => {
    const paid = invoiceRow({
      id: 'inv-2',
      number: 'INV-2026-0002',
      status: 'PARTIALLY_PAID',
      issueDate: '2026-04-02',
      amountPaid: '100.00',
      balanceDue: '68.33',
    });
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: InvoicesDocument, variables: { first: 25, filter: {}, orderBy: [{ field: 'CREATED_AT', direction: 'DESC' }] } },
        result: {
          data: {
            invoices: {
              __typename: 'InvoiceConnection',
              totalCount: 2,
              edges: [paid, invoiceRow()].map((node) => ({ __typename: 'InvoiceEdge', cursor: node.id, node })),
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            },
          },
        },
      },
    ];
    renderEntityPage('Invoice', 'list', { user: manager, mocks, url: '/invoices' });
    const table = await screen.findByRole('table', { name: 'Invoices' });
    await within(table).findByText('INV-2026-0002');
    expect(cellTexts(table)).toEqual([
      ['INV-2026-0002', 'Acme Corp', 'Apr 2, 2026', 'May 1, 2026', 'Partially paid', '$168.33', '$68.33'],
      ['Draft', 'Acme Corp', '—', 'May 1, 2026', 'Draft', '$168.33', '$0.00'],
    ]);
    expect(within(table).getByRole('link', { name: 'INV-2026-0002' })).toHaveAttribute('href', '/invoices/inv-2');
    expect(screen.queryByRole('button', { name: 'New invoice' })).not.toBeInTheDocument();
  });

  it('filters to invoices with a balance due', async () => {
    const sent = jest.fn(() => ({
      data: {
        invoices: { __typename: 'InvoiceConnection', totalCount: 0, edges: [], pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null } },
      },
    }));
    const mocks: MockLink.MockedResponse[] = [
      {
        request: {
          query: InvoicesDocument,
          variables: {
            first: 25,
            filter: { balanceDue: { gt: '0.00' }, status: { in: ['ISSUED', 'PARTIALLY_PAID'] } },
            orderBy: [{ field: 'DUE_DATE', direction: 'ASC' }],
          },
        },
        result: sent,
      },
    ];
    renderEntityPage('Invoice', 'list', { user: accountant, mocks, url: '/invoices?due=open&status=ISSUED,PARTIALLY_PAID&sort=DUE_DATE&dir=ASC' });
    expect(await screen.findByText('No invoices match this filter.')).toBeInTheDocument();
    expect(sent).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('combobox', { name: 'Balance due' })).toHaveTextContent('Has a balance due');
  });
});

describe('the invoice form', () => {
  it('prices the lines as they are typed, rounding half up to the cent, and saves a draft', async () => {
    let sentInput: CreateVariables['input'] | null = null;
    const mocks: MockLink.MockedResponse[] = [
      accountOptions,
      {
        request: { query: CreateInvoiceDocument, variables: () => true },
        result: (vars: CreateVariables) => {
          sentInput = vars.input;
          return { data: { createInvoice: withoutTimeline(invoice()) } };
        },
      },
    ];
    const onSaved = jest.fn();
    await renderEntityForm('Invoice', { onSaved }, { user: accountant, mocks });
    const dialog = screen.getByRole('dialog', { name: 'New invoice' });
    const u = userEvent.setup({ delay: null });
    const summary = within(dialog).getByRole('status');
    expect(summary).toHaveTextContent('Subtotal 0.00');

    await u.type(within(dialog).getByLabelText(/^Description 1/), 'Service call');
    await u.clear(within(dialog).getByLabelText(/^Quantity 1/));
    await u.type(within(dialog).getByLabelText(/^Quantity 1/), '1.5');
    await u.type(within(dialog).getByLabelText(/^Unit price 1/), '80');
    expect(summary).toHaveTextContent('Subtotal 120.00');
    await u.click(within(dialog).getByRole('button', { name: 'Add line' }));
    await u.type(within(dialog).getByLabelText(/^Description 2/), 'Parts');
    await u.type(within(dialog).getByLabelText(/^Unit price 2/), '35.50');
    await u.clear(within(dialog).getByLabelText(/^Tax rate/));
    await u.type(within(dialog).getByLabelText(/^Tax rate/), '8.25');
    // 155.50 × 8.25 % = 12.82875: half up to 12.83.
    expect(within(summary).getByText('Subtotal 155.50')).toBeInTheDocument();
    expect(within(summary).getByText('Tax (8.25%) 12.83')).toBeInTheDocument();
    expect(within(summary).getByText('Total 168.33')).toBeInTheDocument();

    // Quantities keep at most three decimals, as the server does.
    await u.type(within(dialog).getByLabelText(/^Quantity 2/), '.0001');
    await u.click(within(dialog).getByRole('button', { name: 'Save draft' }));
    expect(await within(dialog).findByText('must have at most 3 decimals')).toBeInTheDocument();
    expect(within(dialog).getByText('is required')).toBeInTheDocument(); // the account
    await u.clear(within(dialog).getByLabelText(/^Quantity 2/));
    await u.type(within(dialog).getByLabelText(/^Quantity 2/), '1');

    await u.click(within(dialog).getByRole('combobox', { name: 'Account' }));
    await u.click(await screen.findByRole('option', { name: /Acme Corp/ }));
    await u.click(within(dialog).getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sentInput).toEqual({
      accountId: 'acc-1',
      dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      taxRate: '8.25',
      lines: [
        { description: 'Service call', quantity: '1.5', unitPrice: '80.00' },
        { description: 'Parts', quantity: '1', unitPrice: '35.50' },
      ],
    });
    expect(sentInput!.dueDate > today()).toBe(true);
  });

  it('refuses a tax rate above 100 % and a zero quantity', async () => {
    await renderEntityForm('Invoice', {}, { user: accountant, mocks: [accountOptions] });
    const dialog = screen.getByRole('dialog', { name: 'New invoice' });
    const u = userEvent.setup({ delay: null });
    await u.clear(within(dialog).getByLabelText(/^Tax rate/));
    await u.type(within(dialog).getByLabelText(/^Tax rate/), '100.5');
    await u.clear(within(dialog).getByLabelText(/^Quantity 1/));
    await u.type(within(dialog).getByLabelText(/^Quantity 1/), '0');
    await u.click(within(dialog).getByRole('button', { name: 'Save draft' }));
    expect(await within(dialog).findByText('must be at most 100')).toBeInTheDocument();
    expect(within(dialog).getByText('must be above zero')).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('Tax (—) 0.00');
  });
});

describe('an invoice’s page', () => {
  it('shows a draft’s lines and money; an accountant may edit, issue or void it', async () => {
    renderEntityPage('Invoice', 'detail', { user: accountant, mocks: [invoiceDetailMock(invoice())], url: '/invoices/inv-1' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Draft invoice' })).toBeInTheDocument();
    expect(cellTexts(screen.getByRole('table', { name: 'Lines' }))).toEqual([
      ['Service call1.5 × $80.00', '1.5', '$80.00', '$120.00'],
      ['Parts1 × $35.50', '1', '$35.50', '$35.50'],
      ['Subtotal', '', '', '$155.50'],
      ['Tax (8.25%)', '', '', '$12.83'],
      ['Total', '', '', '$168.33'],
    ]);
    expect(screen.getByRole('link', { name: 'Acme Corp' })).toHaveAttribute('href', '/accounts/acc-1');
    expect(screen.getByRole('link', { name: 'Invoices of Acme Corp' })).toHaveAttribute('href', '/invoices?account=acc-1');
    // The preview is the server's print template, in a frame that runs nothing.
    const preview = screen.getByTitle('Invoice preview');
    expect(preview).toHaveAttribute('sandbox', '');
    expect(preview.getAttribute('srcdoc')).toContain('<h1>Draft invoice</h1>');
    for (const name of ['Issue', 'Edit', 'Void', 'Download PDF']) expect(screen.getByRole('button', { name })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Record payment' })).not.toBeInTheDocument();
  });

  it('waits, with the reason, to issue a draft without lines', async () => {
    renderEntityPage('Invoice', 'detail', {
      user: accountant,
      mocks: [invoiceDetailMock(invoice({ lines: [], subtotal: '0.00', tax: '0.00', total: '0.00' }))],
      url: '/invoices/inv-1',
    });
    const issue = await screen.findByRole('button', { name: 'Issue' });
    expect(issue).toBeDisabled();
    expect(issue).toHaveAccessibleDescription('Not ready to issue: An invoice needs at least one line to issue.');
  });

  it('issues a draft, which then shows its number and takes payments', async () => {
    let stored = invoice();
    const mocks: MockLink.MockedResponse[] = [
      invoiceDetailMock(() => stored),
      {
        request: { query: IssueInvoiceDocument, variables: { id: 'inv-1' } },
        result: () => {
          stored = issued();
          return { data: { issueInvoice: withoutTimeline(stored) } };
        },
      },
    ];
    renderEntityPage('Invoice', 'detail', { user: accountant, mocks, url: '/invoices/inv-1' });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'Issue' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'INV-2026-0001' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Record payment' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Void' })).toBeInTheDocument();
    for (const name of ['Issue', 'Edit']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });

  it('voids an unpaid invoice with a reason', async () => {
    let stored = issued();
    const mocks: MockLink.MockedResponse[] = [
      invoiceDetailMock(() => stored),
      {
        request: { query: VoidInvoiceDocument, variables: { id: 'inv-1', reason: 'Billed twice' } },
        result: () => {
          stored = issued({ status: 'VOID', balanceDue: '0.00', voidReason: 'Billed twice', version: 3 });
          return { data: { voidInvoice: withoutTimeline(stored) } };
        },
      },
    ];
    renderEntityPage('Invoice', 'detail', { user: accountant, mocks, url: '/invoices/inv-1' });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'Void' }));
    const dialog = await screen.findByRole('dialog', { name: 'Void INV-2026-0001' });
    await u.click(within(dialog).getByRole('button', { name: 'Void invoice' }));
    expect(await within(dialog).findByText('is required')).toBeInTheDocument();
    await u.type(within(dialog).getByLabelText(/^Reason/), 'Billed twice');
    await u.click(within(dialog).getByRole('button', { name: 'Void invoice' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Void reason')).toBeInTheDocument();
    expect(screen.getByText('Billed twice')).toBeInTheDocument();
    for (const name of ['Record payment', 'Void', 'Issue']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });

  it('is read-only for a sales manager, who may still download it', async () => {
    renderEntityPage('Invoice', 'detail', { user: manager, mocks: [invoiceDetailMock(issued())], url: '/invoices/inv-1' });
    expect(await screen.findByRole('heading', { level: 1, name: 'INV-2026-0001' })).toBeInTheDocument();
    for (const name of ['Record payment', 'Void', 'Issue', 'Edit']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download PDF' })).toBeInTheDocument();
  });
});
