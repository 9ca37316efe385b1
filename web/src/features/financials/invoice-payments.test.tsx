import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import type { PaymentRowFragment } from '../../gql/graphql';
import { DocumentProgressDocument, RecordPaymentDocument, RenderInvoicePdfDocument } from '../../gql/invoices';
import { PaymentsDocument } from '../../gql/payments';
import { renderEntityPage, testUser } from '../../test/render';
import { today } from '../../components/kit/format';
import { acme, cellTexts, invoiceDetailMock, issued, withoutTimeline } from './invoice-test-data';

// Dialog transitions, MockLink delays and the PDF's polling take longer than the 1 s default.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

const accountant = testUser('ACCOUNTANT', { id: 'u-acc', name: 'Avery Accountant' });
const manager = testUser('SALES_MANAGER', { id: 'u-mgr', name: 'Morgan Manager' });

describe('recording a payment', () => {
  it('records a payment: more than the balance due is refused, a server refusal lands on its field', async () => {
    let stored = issued();
    const paid = issued({
      status: 'PARTIALLY_PAID',
      amountPaid: '100.00',
      balanceDue: '68.33',
      version: 3,
      payments: [{ __typename: 'Payment', id: 'pay-1', amount: '100.00', date: today(), method: 'CASH', reference: 'R-7' }],
    });
    const input = (date: string) => ({ invoiceId: 'inv-1', amount: '100.00', date, method: 'CASH', reference: 'R-7' });
    const mocks: MockLink.MockedResponse[] = [
      invoiceDetailMock(() => stored),
      {
        request: { query: RecordPaymentDocument, variables: { input: input('2026-04-01') } },
        result: {
          errors: [
            new GraphQLError('Invalid input', {
              extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'date'], message: 'cannot be before the invoice was issued (2026-04-02)' }] },
            }),
          ],
        },
      },
      {
        request: { query: RecordPaymentDocument, variables: { input: input(today()) } },
        result: () => {
          stored = paid;
          return { data: { recordPayment: { ...paid.payments[0], invoice: withoutTimeline(paid) } } };
        },
      },
    ];
    renderEntityPage('Invoice', 'detail', { user: accountant, mocks, url: '/invoices/inv-1' });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'Record payment' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record payment for INV-2026-0001' });
    const amount = within(dialog).getByLabelText(/^Amount/);
    expect(amount).toHaveValue('168.33');
    expect(within(dialog).getByLabelText(/^Date received/)).toHaveValue(today());

    await u.clear(amount);
    await u.type(amount, '168.34');
    await u.click(within(dialog).getByRole('combobox', { name: /Method/ }));
    await u.click(await screen.findByRole('option', { name: 'Cash' }));
    await u.type(within(dialog).getByLabelText(/^Reference/), 'R-7');
    await u.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    expect(await within(dialog).findByText('is more than the balance due ($168.33)')).toBeInTheDocument();

    await u.clear(amount);
    await u.type(amount, '100');
    await u.clear(within(dialog).getByLabelText(/^Date received/));
    await u.type(within(dialog).getByLabelText(/^Date received/), '2026-04-01');
    await u.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    expect(await within(dialog).findByText('cannot be before the invoice was issued (2026-04-02)')).toBeInTheDocument();

    await u.clear(within(dialog).getByLabelText(/^Date received/));
    await u.type(within(dialog).getByLabelText(/^Date received/), today());
    await u.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Payment of $100.00 recorded')).toBeInTheDocument();
    expect(screen.getAllByText('Partially paid').length).toBeGreaterThan(0);
    expect(cellTexts(screen.getByRole('table', { name: 'Payments' }))).toEqual([[expect.any(String), 'Cash', 'R-7', '$100.00']]);
    // Something is paid: the invoice is no longer voided, only paid.
    expect(screen.queryByRole('button', { name: 'Void' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Record payment' })).toBeInTheDocument();
  });
});

describe('an invoice PDF', () => {
  it('is rendered in the background, followed until it is ready, then opened', async () => {
    const open = jest.spyOn(window, 'open').mockImplementation(() => null);
    const doc = (status: string, url: string | null = null) => ({
      __typename: 'Document',
      id: 'doc-1',
      status,
      url,
      contentType: 'application/pdf',
      error: null,
    });
    const steps = [doc('RENDERING'), doc('READY', 'https://files.example/doc-1.pdf?sig=x')];
    const mocks: MockLink.MockedResponse[] = [
      invoiceDetailMock(issued()),
      { request: { query: RenderInvoicePdfDocument, variables: { id: 'inv-1' } }, result: { data: { renderInvoicePdf: doc('QUEUED') } } },
      {
        request: { query: DocumentProgressDocument, variables: { id: 'doc-1' } },
        result: () => ({ data: { document: steps.length > 1 ? steps.shift()! : steps[0] } }),
        maxUsageCount: 20,
      },
    ];
    renderEntityPage('Invoice', 'detail', { user: manager, mocks, url: '/invoices/inv-1' });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'Download PDF' }));
    expect(await screen.findByText('Rendering the PDF…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download PDF' })).toBeDisabled();
    const link = await screen.findByRole('link', { name: 'Open INV-2026-0001.pdf' }, { timeout: 8000 });
    expect(link).toHaveAttribute('href', 'https://files.example/doc-1.pdf?sig=x');
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('https://files.example/doc-1.pdf?sig=x', '_blank', 'noopener');
    expect(screen.getByRole('button', { name: 'Download PDF' })).toBeEnabled();
    open.mockRestore();
  });
});

describe('the payments list', () => {
  it('lists payments newest first with a link to each invoice', async () => {
    const payment: PaymentRowFragment = {
      __typename: 'Payment',
      id: 'pay-1',
      amount: '100.00',
      date: '2026-04-03',
      method: 'BANK_TRANSFER',
      reference: null,
      createdAt: '2026-04-03T10:00:00.000Z',
      invoice: { __typename: 'Invoice', id: 'inv-1', number: 'INV-2026-0001', account: acme },
    };
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: PaymentsDocument, variables: { first: 25, filter: {}, orderBy: [{ field: 'DATE', direction: 'DESC' }] } },
        result: {
          data: {
            payments: {
              __typename: 'PaymentConnection',
              totalCount: 1,
              edges: [{ __typename: 'PaymentEdge', cursor: 'c1', node: payment }],
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            },
          },
        },
      },
    ];
    renderEntityPage('Payment', 'list', { user: accountant, mocks, url: '/payments' });
    const table = await screen.findByRole('table', { name: 'Payments' });
    await within(table).findByText('INV-2026-0001');
    expect(cellTexts(table)).toEqual([['Apr 3, 2026', 'INV-2026-0001', 'Acme Corp', '$100.00', 'Bank transfer', '—']]);
    expect(within(table).getByRole('link', { name: 'INV-2026-0001' })).toHaveAttribute('href', '/invoices/inv-1');
    // Payments are recorded from their invoice.
    expect(screen.queryByRole('button', { name: /New/ })).not.toBeInTheDocument();
  });
});
