import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { MockLink } from '@apollo/client/testing';
import type { JournalEntryDetailQuery, JournalEntryRowFragment, JournalLineFieldsFragment } from '../../gql/graphql';
import {
  CreateJournalEntryDocument,
  JournalEntriesDocument,
  JournalEntryDetailDocument,
  PostJournalEntryDocument,
  ReverseJournalEntryDocument,
} from '../../gql/journal-entries';
import { LedgerAccountOptionsDocument } from '../../gql/ledger-accounts';
import { renderEntityForm, renderEntityPage, testUser } from '../../test/render';
import { today } from '../../components/kit/format';

// Dialog transitions and MockLink delays take longer on a busy machine than the 1 s default.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

type Detail = NonNullable<JournalEntryDetailQuery['journalEntry']>;

const accountant = testUser('ACCOUNTANT', { id: 'u-acc', name: 'Avery Accountant' });
const manager = testUser('SALES_MANAGER', { id: 'u-mgr', name: 'Morgan Manager' });

const office = { __typename: 'LedgerAccount' as const, id: 'la-6400', code: '6400', name: 'Office and software' };
const cash = { __typename: 'LedgerAccount' as const, id: 'la-1000', code: '1000', name: 'Cash' };

function line(id: string, account: typeof cash, debit: string, credit: string, description: string | null = null): JournalLineFieldsFragment {
  return { __typename: 'JournalLine', id, ledgerAccount: account, debit, credit, description };
}

function row(over: Partial<JournalEntryRowFragment> = {}): JournalEntryRowFragment {
  return {
    __typename: 'JournalEntry',
    id: 'je-1',
    number: null,
    date: '2026-04-01',
    memo: 'Printer paper',
    status: 'DRAFT',
    source: 'MANUAL',
    totalDebit: '10.00',
    totalCredit: '10.00',
    postedAt: null,
    createdAt: '2026-04-01T09:00:00.000Z',
    updatedAt: '2026-04-01T09:00:00.000Z',
    deletedAt: null,
    version: 1,
    ...over,
  };
}

function entry(over: Partial<Detail> = {}): Detail {
  return {
    ...row(),
    lines: [line('l1', office, '10.00', '0.00', 'Paper'), line('l2', cash, '0.00', '10.00')],
    reversalOf: null,
    reversedBy: null,
    timeline: { __typename: 'ActivityLogConnection', edges: [] },
    ...over,
  };
}

const detailMock = (e: Detail | (() => Detail)): MockLink.MockedResponse => ({
  request: { query: JournalEntryDetailDocument, variables: { id: typeof e === 'function' ? e().id : e.id } },
  result: () => ({ data: { journalEntry: typeof e === 'function' ? e() : e } }),
  maxUsageCount: 10,
});

// The lines' account picker: active accounts, asked for each time a line's list opens.
const accountOptions: MockLink.MockedResponse = {
  request: { query: LedgerAccountOptionsDocument, variables: { filter: { active: { eq: true } }, first: 20 } },
  result: {
    data: {
      ledgerAccounts: {
        __typename: 'LedgerAccountConnection',
        edges: [cash, office].map((a) => ({ __typename: 'LedgerAccountEdge', node: { ...a, type: a === cash ? 'ASSET' : 'EXPENSE' } })),
      },
    },
  },
  maxUsageCount: 10,
};

const cellTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );

describe('the journal', () => {
  it('lists entries newest first with their number (or Draft), memo, status and total', async () => {
    const posted = row({ id: 'je-2', number: 'JE-2026-00001', status: 'POSTED', date: '2026-04-02', memo: null, totalDebit: '250.00', totalCredit: '250.00' });
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: JournalEntriesDocument, variables: { first: 25, filter: {}, orderBy: [{ field: 'DATE', direction: 'DESC' }] } },
        result: {
          data: {
            journalEntries: {
              __typename: 'JournalEntryConnection',
              totalCount: 2,
              edges: [posted, row()].map((node) => ({ __typename: 'JournalEntryEdge', cursor: node.id, node })),
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            },
          },
        },
      },
    ];
    renderEntityPage('JournalEntry', 'list', { user: manager, mocks, url: '/journal' });
    const table = await screen.findByRole('table', { name: 'Journal' });
    await within(table).findByText('JE-2026-00001');
    expect(cellTexts(table)).toEqual([
      ['JE-2026-00001', 'Apr 2, 2026', '—', 'Manual', 'Posted', '$250.00'],
      ['Draft', 'Apr 1, 2026', 'Printer paper', 'Manual', 'Draft', '$10.00'],
    ]);
    expect(within(table).getByRole('link', { name: 'Draft' })).toHaveAttribute('href', '/journal/je-1');
    // A sales manager reads the journal and writes nothing.
    expect(screen.queryByRole('button', { name: 'New journal entry' })).not.toBeInTheDocument();
  });
});

describe('the journal entry form', () => {
  it('shows the running difference until the lines balance, checks each line, and saves a draft', async () => {
    const input = {
      date: today(),
      memo: 'Printer paper',
      lines: [
        { ledgerAccountId: office.id, description: 'Paper', debit: '10.00', credit: '0.00' },
        { ledgerAccountId: cash.id, description: null, debit: '0.00', credit: '10.00' },
      ],
    };
    const sent = jest.fn(() => ({ data: { createJournalEntry: entry({ date: today() }) } }));
    const mocks: MockLink.MockedResponse[] = [accountOptions, { request: { query: CreateJournalEntryDocument, variables: { input } }, result: sent }];
    const onSaved = jest.fn();
    await renderEntityForm('JournalEntry', { onSaved }, { user: accountant, mocks });
    const dialog = screen.getByRole('dialog', { name: 'New journal entry' });
    const u = userEvent.setup({ delay: null });
    const balance = within(dialog).getByRole('status');

    await u.type(within(dialog).getByLabelText(/^Memo/), 'Printer paper');
    await u.type(within(dialog).getByLabelText(/^Debit 1/), '10');
    await u.type(within(dialog).getByLabelText(/^Credit 2/), '9.99');
    expect(balance).toHaveTextContent('Total debits 10.00');
    expect(balance).toHaveTextContent('Total credits 9.99');
    const difference = within(balance).getByText('Difference 0.01');
    expect(difference).toHaveStyle({ color: 'rgb(211, 47, 47)' }); // the theme's error colour
    expect(within(balance).queryByText('Balanced')).not.toBeInTheDocument();

    // A line is a debit or a credit, never both.
    await u.type(within(dialog).getByLabelText(/^Debit 2/), '5');
    await u.click(within(dialog).getByRole('button', { name: 'Save draft' }));
    expect(await within(dialog).findByText('A line is a debit or a credit, not both')).toBeInTheDocument();
    expect(within(dialog).getAllByText('is required')).toHaveLength(2); // both lines' accounts
    expect(sent).not.toHaveBeenCalled();
    await u.clear(within(dialog).getByLabelText(/^Debit 2/));
    await u.clear(within(dialog).getByLabelText(/^Credit 2/));
    await u.type(within(dialog).getByLabelText(/^Credit 2/), '10');
    expect(within(balance).getByText('Balanced')).toBeInTheDocument();
    expect(within(balance).queryByText(/Difference/)).not.toBeInTheDocument();

    await u.type(within(dialog).getByLabelText(/^Description 1/), 'Paper');
    await u.click(within(dialog).getByRole('combobox', { name: 'Ledger account 1' }));
    await u.click(await screen.findByRole('option', { name: /6400 Office and software/ }));
    await u.click(within(dialog).getByRole('combobox', { name: 'Ledger account 2' }));
    await u.click(await screen.findByRole('option', { name: /1000 Cash/ }));
    await u.click(within(dialog).getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent).toHaveBeenCalledTimes(1);
  });

  it('saves an unbalanced draft: the balance is checked when it is posted', async () => {
    const input = {
      date: today(),
      memo: null,
      lines: [
        { ledgerAccountId: office.id, description: null, debit: '10.00', credit: '0.00' },
        { ledgerAccountId: cash.id, description: null, debit: '0.00', credit: '9.99' },
      ],
    };
    const sent = jest.fn(() => ({ data: { createJournalEntry: entry({ totalCredit: '9.99' }) } }));
    const mocks: MockLink.MockedResponse[] = [accountOptions, { request: { query: CreateJournalEntryDocument, variables: { input } }, result: sent }];
    const onSaved = jest.fn();
    await renderEntityForm('JournalEntry', { onSaved }, { user: accountant, mocks });
    const dialog = screen.getByRole('dialog', { name: 'New journal entry' });
    const u = userEvent.setup({ delay: null });
    await u.click(within(dialog).getByRole('combobox', { name: 'Ledger account 1' }));
    await u.click(await screen.findByRole('option', { name: /6400 Office and software/ }));
    await u.type(within(dialog).getByLabelText(/^Debit 1/), '10');
    await u.click(within(dialog).getByRole('combobox', { name: 'Ledger account 2' }));
    await u.click(await screen.findByRole('option', { name: /1000 Cash/ }));
    await u.type(within(dialog).getByLabelText(/^Credit 2/), '9.999');
    await u.click(within(dialog).getByRole('button', { name: 'Save draft' }));
    expect(await within(dialog).findByText('must have at most 2 decimals')).toBeInTheDocument();
    await u.type(within(dialog).getByLabelText(/^Credit 2/), '{Backspace}');
    expect(within(dialog).getByText('Difference 0.01')).toBeInTheDocument();
    await u.click(within(dialog).getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent).toHaveBeenCalledTimes(1);
  });
});

describe('a journal entry’s page', () => {
  it('shows a draft’s lines with totals; Post waits, with the reason, until the draft balances', async () => {
    const unbalanced = entry({ totalCredit: '9.99', lines: [line('l1', office, '10.00', '0.00', 'Paper'), line('l2', cash, '0.00', '9.99')] });
    renderEntityPage('JournalEntry', 'detail', { user: accountant, mocks: [detailMock(unbalanced)], url: '/journal/je-1' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Draft entry' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Lines' });
    // The account (its link; phones also show the description under it), then description, debit, credit.
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => {
        const cells = Array.from(r.querySelectorAll('td, th'));
        return [within(r).queryByRole('link')?.textContent ?? cells[0].textContent, ...cells.slice(1).map((c) => c.textContent)];
      });
    expect(rows).toEqual([
      ['6400 Office and software', 'Paper', '$10.00', ''],
      ['1000 Cash', '', '', '$9.99'],
      ['Total', '', '$10.00', '$9.99'],
    ]);
    expect(within(table).getByRole('link', { name: '6400 Office and software' })).toHaveAttribute('href', '/ledger-accounts/la-6400');

    const post = screen.getByRole('button', { name: 'Post' });
    expect(post).toBeDisabled();
    expect(post).toHaveAccessibleDescription('Not ready to post: Debits (10.00) and credits (9.99) must be equal to post.');
    expect(screen.getByRole('button', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reverse…' })).not.toBeInTheDocument();
  });

  it('needs two lines before posting', async () => {
    const single = entry({ totalCredit: '0.00', lines: [line('l1', office, '10.00', '0.00')] });
    renderEntityPage('JournalEntry', 'detail', { user: accountant, mocks: [detailMock(single)], url: '/journal/je-1' });
    const post = await screen.findByRole('button', { name: 'Post' });
    expect(post).toBeDisabled();
    expect(post).toHaveAccessibleDescription('Not ready to post: A journal entry needs at least two lines to post.');
  });

  it('posts a balanced draft, which then shows its number and can only be reversed', async () => {
    let stored = entry();
    const posted = entry({ number: 'JE-2026-00001', status: 'POSTED', postedAt: '2026-04-01T10:00:00.000Z', version: 2 });
    const mocks: MockLink.MockedResponse[] = [
      detailMock(() => stored),
      {
        request: { query: PostJournalEntryDocument, variables: { id: 'je-1' } },
        result: () => {
          stored = posted;
          const { timeline: _timeline, ...rest } = posted;
          return { data: { postJournalEntry: rest } };
        },
      },
    ];
    renderEntityPage('JournalEntry', 'detail', { user: accountant, mocks, url: '/journal/je-1' });
    const u = userEvent.setup({ delay: null });
    const post = await screen.findByRole('button', { name: 'Post' });
    expect(post).toBeEnabled();
    await u.click(post);
    expect(await screen.findByRole('heading', { level: 1, name: 'JE-2026-00001' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reverse…' })).toBeInTheDocument();
    for (const name of ['Post', 'Edit', 'Delete']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
  });

  it('shows why the server refused to post', async () => {
    const mocks: MockLink.MockedResponse[] = [
      detailMock(entry()),
      {
        request: { query: PostJournalEntryDocument, variables: { id: 'je-1' } },
        result: {
          errors: [
            new GraphQLError('Invalid input', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ path: ['id'], message: 'is in a closed period: nothing posts on or before the lock date 2026-04-30' }],
              },
            }),
          ],
        },
      },
    ];
    renderEntityPage('JournalEntry', 'detail', { user: accountant, mocks, url: '/journal/je-1' });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'Post' }));
    expect(await screen.findByText('Its date is in a closed period: nothing posts on or before the lock date 2026-04-30')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Draft entry' })).toBeInTheDocument();
  });

  it('reverses a posted entry on the chosen day and opens the reversal', async () => {
    const original = entry({ number: 'JE-2026-00001', status: 'POSTED', postedAt: '2026-04-01T10:00:00.000Z' });
    const reversal = entry({
      id: 'je-2',
      number: 'JE-2026-00002',
      status: 'POSTED',
      source: 'REVERSAL',
      memo: 'Reversal of JE-2026-00001',
      date: today(),
      postedAt: '2026-04-03T10:00:00.000Z',
      lines: [line('l3', office, '0.00', '10.00', 'Paper'), line('l4', cash, '10.00', '0.00')],
      reversalOf: { __typename: 'JournalEntry', id: 'je-1', number: 'JE-2026-00001' },
    });
    const { timeline: _timeline, ...reversed } = reversal;
    const mocks: MockLink.MockedResponse[] = [
      detailMock(original),
      detailMock(reversal),
      {
        request: { query: ReverseJournalEntryDocument, variables: { id: 'je-1', date: today() } },
        result: {
          data: {
            reverseJournalEntry: {
              ...reversed,
              reversalOf: {
                __typename: 'JournalEntry',
                id: 'je-1',
                number: 'JE-2026-00001',
                reversedBy: { __typename: 'JournalEntry', id: 'je-2', number: 'JE-2026-00002' },
              },
            },
          },
        },
      },
    ];
    renderEntityPage('JournalEntry', 'detail', { user: accountant, mocks, url: '/journal/je-1' });
    const u = userEvent.setup({ delay: null });
    await u.click(await screen.findByRole('button', { name: 'Reverse…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reverse JE-2026-00001' });
    expect(within(dialog).getByLabelText(/Reversal date/)).toHaveValue(today());
    await u.click(within(dialog).getByRole('button', { name: 'Reverse' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'JE-2026-00002' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'JE-2026-00001' })).toHaveAttribute('href', '/journal/je-1');
    expect(screen.getByText('Reverses')).toBeInTheDocument();
  });

  it('is read-only for a sales manager: no Edit, Post, Delete or Reverse', async () => {
    renderEntityPage('JournalEntry', 'detail', { user: manager, mocks: [detailMock(entry())], url: '/journal/je-1' });
    expect(await screen.findByRole('table', { name: 'Lines' })).toBeInTheDocument();
    for (const name of ['Edit', 'Post', 'Delete']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    expect(screen.queryByText(/Not ready to post/)).not.toBeInTheDocument();
  });

  it('offers a sales manager no reversal of a posted entry', async () => {
    const posted = entry({ number: 'JE-2026-00001', status: 'POSTED', postedAt: '2026-04-01T10:00:00.000Z' });
    renderEntityPage('JournalEntry', 'detail', { user: manager, mocks: [detailMock(posted)], url: '/journal/je-1' });
    expect(await screen.findByRole('heading', { level: 1, name: 'JE-2026-00001' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reverse…' })).not.toBeInTheDocument();
  });
});
