import { configure, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { DealsDocument } from '../../gql/deals';
import { renderEntityPage, testUser } from '../../test/render';
import { buildFilter, readFilterValues, type FilterDef } from './filters';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

const DEFS: FilterDef[] = [
  { kind: 'text', label: 'Filter', toFilter: (q) => ({ name: { contains: q } }) },
  { kind: 'mine' },
  { kind: 'enum', key: 'stage', label: 'Stage', field: 'stage', options: ['A', 'B', 'C'].map((v) => ({ value: v, label: v })) },
  { kind: 'moneyRange', key: 'amount', label: 'Amount', field: 'amount' },
  { kind: 'dateRange', key: 'close', label: 'Close', field: 'closeDate' },
  { kind: 'boolean', key: 'status', label: 'Status', field: 'active', yes: { value: 'on', label: 'On' }, no: { value: 'off', label: 'Off' } },
  { kind: 'trash' },
];

describe('filters in the URL', () => {
  it('turns the URL into the structured filter', () => {
    const values = readFilterValues(
      DEFS,
      new URLSearchParams('q=acme&mine=1&stage=C,A,X&amount=1%2C000..&close=2026-01-01..2026-03-31&status=off&view=trash&other=1'),
    );
    expect(buildFilter(DEFS, values, 'me')).toEqual({
      name: { contains: 'acme' },
      owner: { id: { eq: 'me' } },
      stage: { in: ['C', 'A'] },
      amount: { gte: '1000.00' },
      closeDate: { gte: '2026-01-01', lte: '2026-03-31' },
      active: { eq: false },
      deletedAt: { isNull: false },
    });
  });

  it('puts pieces that name the same key under "and"', () => {
    const defs: FilterDef[] = [
      { kind: 'text', label: 'Filter', toFilter: (q) => ({ or: [{ a: { contains: q } }] }) },
      { kind: 'mine', toFilter: (me) => ({ or: [{ owner: { id: { eq: me } } }] }) },
    ];
    expect(buildFilter(defs, { q: 'x', mine: '1' }, 'me')).toEqual({ and: [{ or: [{ a: { contains: 'x' } }] }, { or: [{ owner: { id: { eq: 'me' } } }] }] });
  });

  it('ignores what does not parse (a bad amount, an impossible day)', () => {
    expect(buildFilter(DEFS, { amount: 'lots..', close: '2026-02-30..' }, 'me')).toEqual({});
  });
});

/** The current URL, shown beside the page. */
function Location() {
  const l = useLocation();
  return <output aria-label="URL">{`${l.pathname}${l.search}`}</output>;
}

const dealsPage = {
  __typename: 'DealConnection' as const,
  totalCount: 0,
  edges: [],
  pageInfo: { __typename: 'PageInfo' as const, hasNextPage: false, endCursor: null },
};
const newestFirst = [{ field: 'CREATED_AT', direction: 'DESC' }];
const dealsMock = (filter: object) => {
  const result = jest.fn(() => ({ data: { deals: dealsPage } }));
  return { result, mock: { request: { query: DealsDocument, variables: { first: 25, filter, orderBy: newestFirst } }, result } };
};

describe('the filter bar', () => {
  it('writes each filter to the URL and asks the server for it; "Clear filters" removes them all', async () => {
    const all = dealsMock({});
    const mine = dealsMock({ owner: { id: { eq: 'u-me' } } });
    const oneStage = dealsMock({ owner: { id: { eq: 'u-me' } }, stage: { in: ['NEGOTIATION'] } });
    const stages = dealsMock({ owner: { id: { eq: 'u-me' } }, stage: { in: ['PROPOSAL', 'NEGOTIATION'] } });
    const amount = dealsMock({ owner: { id: { eq: 'u-me' } }, stage: { in: ['PROPOSAL', 'NEGOTIATION'] }, amount: { gte: '12000.00' } });
    renderEntityPage('Deal', 'list', {
      user: testUser('SALES_MANAGER', { id: 'u-me' }),
      mocks: [all.mock, mine.mock, oneStage.mock, stages.mock, amount.mock, { ...all.mock }],
      beside: <Location />,
    });
    expect(await screen.findByText('No deals yet.')).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });

    await user.click(screen.getByRole('button', { name: 'Mine' }));
    expect(await screen.findByText('No deals match this filter.')).toBeInTheDocument();
    expect(mine.result).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('combobox', { name: 'Stage' }));
    const listbox = await screen.findByRole('listbox');
    await user.click(within(listbox).getByRole('option', { name: 'Negotiation' }));
    await user.click(within(listbox).getByRole('option', { name: 'Proposal' }));
    await user.keyboard('{Escape}');
    await screen.findByText(/stage=PROPOSAL%2CNEGOTIATION|stage=PROPOSAL,NEGOTIATION/);
    expect(stages.result).toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Amount: any' }));
    const range = await screen.findByRole('dialog', { name: 'Amount' });
    fireEvent.change(within(range).getByLabelText('Amount from'), { target: { value: '$12,000' } });
    await user.click(within(range).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('button', { name: 'Amount: from $12,000.00' })).toBeInTheDocument();
    expect(amount.result).toHaveBeenCalled();
    expect(screen.getByLabelText('URL')).toHaveTextContent(/amount=12000\.00\.\./);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('No deals yet.')).toBeInTheDocument();
    expect(screen.getByLabelText('URL')).toHaveTextContent(/^\/deals$/);
  });

  it('refuses a range it cannot read, and says why', async () => {
    const all = dealsMock({});
    renderEntityPage('Deal', 'list', { role: 'SALES_MANAGER', mocks: [all.mock] });
    await screen.findByText('No deals yet.');
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Amount: any' }));
    const range = await screen.findByRole('dialog', { name: 'Amount' });
    fireEvent.change(within(range).getByLabelText('Amount to'), { target: { value: '12.345' } });
    await user.click(within(range).getByRole('button', { name: 'Apply' }));
    expect(await within(range).findByText('must have at most 2 decimals')).toBeInTheDocument();
  });
});
