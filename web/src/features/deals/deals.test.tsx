import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { DealRowFragment, DealsQueryVariables } from '../../gql/graphql';
import { CreateDealDocument, DealsDocument, UpdateDealDocument } from '../../gql/deals';
import { renderEntityForm, renderEntityPage } from '../../test/render';
import { noNextTasks } from '../../test/mocks';
import { dealRow, pickerMocks } from './test-data';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(60_000);

function page(rows: DealRowFragment[], next: string | null, total: number) {
  return {
    data: {
      deals: {
        __typename: 'DealConnection' as const,
        totalCount: total,
        edges: rows.map((node) => ({ __typename: 'DealEdge' as const, cursor: `cursor-${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage: !!next, endCursor: next },
      },
    },
  };
}

const dealsMock = (variables: DealsQueryVariables, result: ReturnType<typeof page>) => {
  const fn = jest.fn(() => result);
  return { fn, mock: { request: { query: DealsDocument, variables }, result: fn } };
};

const newestFirst = [{ field: 'CREATED_AT' as const, direction: 'DESC' as const }];

describe('deals list', () => {
  it('asks the server for the sort and stages in the URL, and pages on with the end cursor', async () => {
    const orderBy = [{ field: 'AMOUNT' as const, direction: 'DESC' as const }];
    const filter = { stage: { in: ['PROPOSAL' as const] } };
    const first = dealsMock({ first: 25, filter, orderBy }, page([dealRow({ id: 'd1', name: 'Big boiler', stage: 'PROPOSAL', amount: '90000.00' })], 'c-1', 2));
    const second = dealsMock(
      { first: 25, filter, orderBy, after: 'c-1' },
      page([dealRow({ id: 'd2', name: 'Small boiler', stage: 'PROPOSAL', amount: '100.00' })], null, 2),
    );
    renderEntityPage('Deal', 'list', {
      role: 'SALES_REP',
      url: '/deals?sort=AMOUNT&dir=DESC&stage=PROPOSAL',
      mocks: [first.mock, second.mock, ...noNextTasks],
    });

    const table = await screen.findByRole('table', { name: 'Deals' });
    expect(await within(table).findByRole('link', { name: 'Big boiler' })).toBeInTheDocument();
    expect(within(table).getByText('$90,000.00')).toBeInTheDocument();
    expect(screen.getByText('Showing 1 of 2')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Stage' })).toHaveTextContent('Proposal');
    expect(within(table).getByRole('columnheader', { name: 'Amount' })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByText('Sorted by Amount ↓')).toBeInTheDocument();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByRole('link', { name: 'Small boiler' })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Big boiler' })).toBeInTheDocument();
    expect(screen.getByText('Showing 2 of 2')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(first.fn).toHaveBeenCalledTimes(1);
    expect(second.fn).toHaveBeenCalledTimes(1);
  });

  it('filters by stage and text, newest first by default', async () => {
    const all = dealsMock({ first: 25, filter: {}, orderBy: newestFirst }, page([dealRow({ id: 'd1', name: 'Boiler service' })], null, 1));
    const won = dealsMock(
      { first: 25, filter: { stage: { in: ['CLOSED_WON'] } }, orderBy: newestFirst },
      page([dealRow({ id: 'd3', name: 'Won roof', stage: 'CLOSED_WON' })], null, 1),
    );
    const text = dealsMock(
      {
        first: 25,
        filter: { or: [{ name: { contains: 'roof' } }, { account: { name: { contains: 'roof' } } }], stage: { in: ['CLOSED_WON'] } },
        orderBy: newestFirst,
      },
      page([], null, 0),
    );
    renderEntityPage('Deal', 'list', { role: 'SALES_MANAGER', mocks: [all.mock, won.mock, text.mock, ...noNextTasks] });
    expect(await screen.findByRole('link', { name: 'Boiler service' })).toBeInTheDocument();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: 'Stage' }));
    await user.click(within(await screen.findByRole('listbox')).getByRole('option', { name: 'Won' }));
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('link', { name: 'Won roof' })).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Filter deals' }), 'roof');
    // The text filter applies after a short pause (debounced), then the query runs.
    expect(await screen.findByText('No deals match this filter.', {}, { timeout: 5000 })).toBeInTheDocument();
    await waitFor(() => expect(text.fn).toHaveBeenCalledTimes(1));
    expect(all.fn).toHaveBeenCalledTimes(1);
    expect(won.fn).toHaveBeenCalledTimes(1);
  });

  it('shows no “New deal” to an accountant (read-only), and no task column (no tasks to read)', async () => {
    const all = dealsMock({ first: 25, filter: {}, orderBy: newestFirst }, page([dealRow()], null, 1));
    renderEntityPage('Deal', 'list', { role: 'ACCOUNTANT', mocks: [all.mock] });
    expect(await screen.findByRole('link', { name: 'Boiler service' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New deal' })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Next task' })).not.toBeInTheDocument();
  });
});

describe('deal form', () => {
  it('checks fields on the client before sending anything', async () => {
    const create = jest.fn();
    const onSaved = jest.fn();
    const mocks = [...pickerMocks, { request: { query: CreateDealDocument, variables: () => true }, result: create }];
    await renderEntityForm('Deal', { onSaved }, { role: 'SALES_REP', mocks });
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText(/Amount/), '12.345');
    await user.type(screen.getByLabelText('Probability (%)'), '150');
    await user.click(screen.getByRole('button', { name: 'Create deal' }));
    expect(await screen.findAllByText('is required')).toHaveLength(2); // name and account
    expect(screen.getByText('must have at most 2 decimals')).toBeInTheDocument();
    expect(screen.getByText('must be a whole number from 0 to 100')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Account/ })).toHaveAttribute('aria-invalid', 'true');

    await user.clear(screen.getByLabelText(/Amount/));
    await user.type(screen.getByLabelText(/Amount/), '-5');
    await user.click(screen.getByRole('button', { name: 'Create deal' }));
    expect(await screen.findByText('must be ≥ 0')).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('offers only open stages at creation and no owner for a rep', async () => {
    await renderEntityForm('Deal', {}, { role: 'SALES_REP', mocks: pickerMocks });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('combobox', { name: /Stage/ }));
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Prospecting', 'Qualification', 'Proposal', 'Negotiation']);
    expect(screen.queryByRole('combobox', { name: 'Owner' })).not.toBeInTheDocument();
  });

  it('sends the deal (the amount as typed, normalised) and shows the server’s field errors on the fields', async () => {
    const input = {
      name: 'Boiler service',
      accountId: 'a2',
      primaryContactId: 'c2',
      amount: '1200.50',
      probability: 20,
      expectedCloseDate: null,
      stage: 'QUALIFICATION',
    };
    const mocks = [
      ...pickerMocks,
      {
        request: { query: CreateDealDocument, variables: { input } },
        result: {
          errors: [
            new GraphQLError('Invalid input', {
              extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'primaryContactId'], message: 'must be a contact of the deal’s account' }] },
            }),
          ],
        },
      },
    ];
    await renderEntityForm('Deal', {}, { role: 'SALES_REP', mocks });
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText(/Name/), 'Boiler service');
    await user.click(screen.getByRole('combobox', { name: /Account/ }));
    await user.click(await screen.findByRole('option', { name: 'Globex' }));
    // The contact picker lists the chosen account's contacts.
    expect(screen.getByText('Optional · contacts of Globex')).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: /Primary contact/ }));
    await user.click(await screen.findByRole('option', { name: /Ida Berg/ }));
    await user.type(screen.getByLabelText(/Amount/), '1,200.5');
    await user.click(screen.getByRole('combobox', { name: /Stage/ }));
    await user.click(screen.getByRole('option', { name: 'Qualification' }));
    await user.type(screen.getByLabelText('Probability (%)'), '20');
    await user.click(screen.getByRole('button', { name: 'Create deal' }));
    expect(await screen.findByText('must be a contact of the deal’s account')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /Primary contact/ })).toHaveAttribute('aria-invalid', 'true');
  });

  it('says a CONFLICT means someone else changed the deal, and reloads it', async () => {
    const deal = dealRow();
    const reloaded = dealRow({ name: 'Boiler service (renewal)', version: 4 });
    const onReload = jest.fn().mockResolvedValue(reloaded);
    const mocks = [
      {
        request: {
          query: UpdateDealDocument,
          variables: {
            id: 'd1',
            input: {
              name: 'Boiler repair',
              accountId: 'a1',
              primaryContactId: 'c1',
              amount: '5000.00',
              probability: 40,
              expectedCloseDate: '2026-12-31',
              ownerId: 'u1',
            },
            expectedVersion: 3,
          },
        },
        result: { errors: [new GraphQLError('Version conflict', { extensions: { code: 'CONFLICT' } })] },
      },
    ];
    await renderEntityForm('Deal', { record: deal, onReload }, { role: 'SALES_MANAGER', mocks });
    const user = userEvent.setup({ delay: null });
    expect(screen.queryByRole('combobox', { name: /Stage/ })).not.toBeInTheDocument(); // stages move with moveDealStage
    const name = screen.getByLabelText(/Name/);
    await user.clear(name);
    await user.type(name, 'Boiler repair');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Changed by someone else — reload/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByLabelText(/Name/)).toHaveValue('Boiler service (renewal)'));
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});
