import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import type { ExpenseDetailQuery, ExpenseRowFragment } from '../../gql/graphql';
import { ApproveExpenseDocument, CreateExpenseDocument, ExpenseDetailDocument, ExpensesDocument, RejectExpenseDocument } from '../../gql/expenses';
import { LedgerAccountOptionsDocument } from '../../gql/ledger-accounts';
import { renderEntityForm, renderEntityPage, testUser } from '../../test/render';
import { today } from '../../components/kit/format';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

type Detail = NonNullable<ExpenseDetailQuery['expense']>;

const accountant = testUser('ACCOUNTANT', { id: 'u-acc', name: 'Avery Accountant' });
const manager = testUser('SALES_MANAGER', { id: 'u-mgr', name: 'Morgan Manager' });

const office = { __typename: 'LedgerAccount' as const, id: 'la-6400', code: '6400', name: 'Office and software' };

function row(over: Partial<ExpenseRowFragment> = {}): ExpenseRowFragment {
  return {
    __typename: 'Expense',
    id: 'ex-1',
    vendor: 'Paper Co',
    amount: '42.50',
    date: '2026-04-01',
    status: 'SUBMITTED',
    description: 'Printer paper',
    createdAt: '2026-04-01T09:00:00.000Z',
    updatedAt: '2026-04-01T09:00:00.000Z',
    version: 1,
    category: office,
    ...over,
  };
}

function expense(over: Partial<Detail> = {}): Detail {
  return { ...row(), rejectionReason: null, approvedBy: null, timeline: { __typename: 'ActivityLogConnection', edges: [] }, ...over };
}

const withoutTimeline = ({ timeline: _timeline, ...rest }: Detail) => rest;

const detailMock = (e: () => Detail): MockLink.MockedResponse => ({
  request: { query: ExpenseDetailDocument, variables: { id: 'ex-1' } },
  result: () => ({ data: { expense: e() } }),
  maxUsageCount: 10,
});

describe('expenses', () => {
  it('lists date, vendor, category, amount and status; filters by status', async () => {
    const approved = row({ id: 'ex-2', vendor: 'Fuel Stop', amount: '60.00', status: 'APPROVED', date: '2026-04-02' });
    const mocks: MockLink.MockedResponse[] = [
      {
        request: {
          query: ExpensesDocument,
          variables: { first: 25, filter: { status: { in: ['SUBMITTED', 'APPROVED'] } }, orderBy: [{ field: 'DATE', direction: 'DESC' }] },
        },
        result: {
          data: {
            expenses: {
              __typename: 'ExpenseConnection',
              totalCount: 2,
              edges: [approved, row()].map((node) => ({ __typename: 'ExpenseEdge', cursor: node.id, node })),
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            },
          },
        },
      },
    ];
    renderEntityPage('Expense', 'list', { user: accountant, mocks, url: '/expenses?status=SUBMITTED,APPROVED' });
    const table = await screen.findByRole('table', { name: 'Expenses' });
    await within(table).findByText('Fuel Stop');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['Apr 2, 2026', 'Fuel Stop', '6400 Office and software', '$60.00', 'Approved'],
      ['Apr 1, 2026', 'Paper Co', '6400 Office and software', '$42.50', 'Submitted'],
    ]);
    expect(within(table).getByRole('link', { name: 'Paper Co' })).toHaveAttribute('href', '/expenses/ex-1');
    expect(screen.getByRole('button', { name: 'New expense' })).toBeInTheDocument();
  });

  it('submits an expense to an active expense account', async () => {
    const input = { vendor: 'Paper Co', date: today(), categoryId: office.id, amount: '42.50', description: null };
    const sent = jest.fn(() => ({ data: { createExpense: withoutTimeline(expense({ date: today() })) } }));
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: LedgerAccountOptionsDocument, variables: { filter: { type: { eq: 'EXPENSE' }, active: { eq: true } }, first: 20 } },
        result: {
          data: {
            ledgerAccounts: { __typename: 'LedgerAccountConnection', edges: [{ __typename: 'LedgerAccountEdge', node: { ...office, type: 'EXPENSE' } }] },
          },
        },
        maxUsageCount: 5,
      },
      { request: { query: CreateExpenseDocument, variables: { input } }, result: sent },
    ];
    const onSaved = jest.fn();
    await renderEntityForm('Expense', { onSaved }, { user: accountant, mocks });
    const dialog = screen.getByRole('dialog', { name: 'New expense' });
    const u = userEvent.setup({ delay: null });
    await u.type(within(dialog).getByLabelText(/^Vendor/), 'Paper Co');
    await u.type(within(dialog).getByLabelText(/^Amount/), '42.5');
    await u.click(within(dialog).getByRole('combobox', { name: 'Category' }));
    await u.click(await screen.findByRole('option', { name: /6400 Office and software/ }));
    await u.click(within(dialog).getByRole('button', { name: 'Submit expense' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Paper Co $42.50 submitted for approval')).toBeInTheDocument();
  });

  it('lets an accountant approve a submitted expense, which then shows who approved it', async () => {
    let stored = expense();
    const mocks: MockLink.MockedResponse[] = [
      detailMock(() => stored),
      {
        request: { query: ApproveExpenseDocument, variables: { id: 'ex-1' } },
        result: () => {
          stored = expense({ status: 'APPROVED', approvedBy: { __typename: 'User', id: 'u-acc', name: 'Avery Accountant' }, version: 2 });
          return { data: { approveExpense: withoutTimeline(stored) } };
        },
      },
    ];
    renderEntityPage('Expense', 'detail', { user: accountant, mocks, url: '/expenses/ex-1' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Paper Co $42.50' })).toBeInTheDocument();
    // Submitted expenses are approved or rejected, never edited.
    for (const name of ['Edit', 'Delete']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    const u = userEvent.setup({ delay: null });
    await u.click(screen.getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('Approved by')).toBeInTheDocument();
    expect(screen.getByText('Avery Accountant')).toBeInTheDocument();
    for (const name of ['Approve', 'Reject']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });

  it('shows why approving was refused', async () => {
    const mocks: MockLink.MockedResponse[] = [
      detailMock(() => expense()),
      {
        request: { query: ApproveExpenseDocument, variables: { id: 'ex-1' } },
        result: {
          errors: [
            new GraphQLError('Invalid input', {
              extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['id'], message: 'The expense is already approved' }] },
            }),
          ],
        },
      },
    ];
    renderEntityPage('Expense', 'detail', { user: accountant, mocks, url: '/expenses/ex-1' });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('The expense is already approved')).toBeInTheDocument();
  });

  it('rejects with a reason', async () => {
    let stored = expense();
    const mocks: MockLink.MockedResponse[] = [
      detailMock(() => stored),
      {
        request: { query: RejectExpenseDocument, variables: { id: 'ex-1', reason: 'Personal purchase' } },
        result: () => {
          stored = expense({ status: 'REJECTED', rejectionReason: 'Personal purchase', version: 2 });
          return { data: { rejectExpense: withoutTimeline(stored) } };
        },
      },
    ];
    renderEntityPage('Expense', 'detail', { user: accountant, mocks, url: '/expenses/ex-1' });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject Paper Co $42.50' });
    await u.type(within(dialog).getByLabelText(/^Reason/), 'Personal purchase');
    await u.click(within(dialog).getByRole('button', { name: 'Reject expense' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Rejection reason')).toBeInTheDocument();
    expect(screen.getByText('Personal purchase')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
  });

  it('offers a sales manager neither Approve nor Reject', async () => {
    renderEntityPage('Expense', 'detail', { user: manager, mocks: [detailMock(() => expense())], url: '/expenses/ex-1' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Paper Co $42.50' })).toBeInTheDocument();
    for (const name of ['Approve', 'Reject', 'Edit']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });
});
