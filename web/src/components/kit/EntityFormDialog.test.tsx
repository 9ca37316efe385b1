import { useState } from 'react';
import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { AccountFullFragment, FeedEntryFragment } from '../../gql/graphql';
import { UpdateAccountDocument } from '../../gql/accounts';
import { loadScreens } from '../../app/registry';
import { StaticFeedProvider } from '../../features/activity/FeedProvider';
import { renderScreen } from '../../test/render';
import { feedEntry } from '../../test/mocks';
import { EntityFormDialog } from './EntityFormDialog';
import type { AnyRecord, EntityScreens } from './types';

configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

const v3: AccountFullFragment = {
  __typename: 'Account',
  id: 'a1',
  name: 'Acme',
  industry: 'Tools',
  email: null,
  phone: null,
  creditLimit: null,
  website: null,
  billingAddress: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  version: 3,
  owner: { __typename: 'User', id: 'user-sales_rep', name: 'Riley Rep' },
};
// The same account after someone else renamed it.
const v4: AccountFullFragment = { ...v3, name: 'Acme Holdings', industry: 'Hardware', version: 4 };

// Maya renamed it (the feed says who).
const entry = feedEntry({
  entityLabel: 'Acme Holdings',
  changes: { name: { from: 'Acme', to: 'Acme Holdings' } },
  actor: { __typename: 'User', id: 'u-maya', name: 'Maya Manager' },
});

const inputOf = (name: string, industry: string) => ({ name, industry, website: null, phone: null, email: null, billingAddress: null });

let remoteChange: () => void = () => undefined;

/** An open edit dialog whose record changes elsewhere when the test says so (the feed names who). */
function Harness({ screens, onReload }: { screens: EntityScreens; onReload?(): Promise<AnyRecord> }) {
  const [record, setRecord] = useState<AccountFullFragment>(v3);
  const [entries, setEntries] = useState<FeedEntryFragment[]>([]);
  remoteChange = () => {
    setEntries([entry]);
    setRecord(v4);
  };
  return (
    <StaticFeedProvider entries={entries}>
      <EntityFormDialog typeName="Account" screens={screens} open record={record} onClose={() => undefined} onSaved={() => undefined} onReload={onReload} />
    </StaticFeedProvider>
  );
}

describe('an open form when its record changes elsewhere', () => {
  it('keeps what the user typed, says who changed it, and "Keep yours" saves against the version the user started from (CONFLICT)', async () => {
    const screens = await loadScreens('Account');
    const sent = jest.fn(() => ({ errors: [new GraphQLError('Version conflict', { extensions: { code: 'CONFLICT' } })] }));
    const mocks = [
      {
        request: { query: UpdateAccountDocument, variables: { id: 'a1', input: inputOf('Acme Tools', 'Tools'), expectedVersion: 3, withCredit: false } },
        result: sent,
      },
    ];
    const onReload = jest.fn().mockResolvedValue(v4);
    renderScreen(<Harness screens={screens} onReload={onReload} />, { role: 'SALES_REP', mocks });
    const user = userEvent.setup({ delay: null });
    const name = screen.getByLabelText(/Name/);
    await user.clear(name);
    await user.type(name, 'Acme Tools');

    act(() => remoteChange());
    const notice = await screen.findByText('Changed by Maya Manager — reload or keep yours');
    expect(screen.getByLabelText(/Name/)).toHaveValue('Acme Tools');
    expect(screen.getByLabelText('Industry')).toHaveValue('Tools');

    await user.click(within(notice.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Keep yours' }));
    expect(screen.queryByText(/reload or keep yours/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Changed by someone else — reload/)).toBeInTheDocument();
    expect(sent).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.getByLabelText(/Name/)).toHaveValue('Acme Holdings'));
    expect(screen.getByLabelText('Industry')).toHaveValue('Hardware');
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('"Reload" takes the other version and drops what was typed', async () => {
    const screens = await loadScreens('Account');
    renderScreen(<Harness screens={screens} />, { role: 'SALES_REP' });
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText('Industry'), ' and more');
    act(() => remoteChange());
    const notice = await screen.findByText('Changed by Maya Manager — reload or keep yours');
    await user.click(within(notice.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Reload' }));
    expect(screen.getByLabelText('Industry')).toHaveValue('Hardware');
    expect(screen.queryByText(/reload or keep yours/)).not.toBeInTheDocument();
  });

  it('with nothing typed yet, shows the new version and saves against it', async () => {
    const screens = await loadScreens('Account');
    const sent = jest.fn(() => ({ data: { updateAccount: { ...v4, name: 'Acme Holdings Ltd', version: 5 } } }));
    const mocks = [
      {
        request: {
          query: UpdateAccountDocument,
          variables: { id: 'a1', input: inputOf('Acme Holdings Ltd', 'Hardware'), expectedVersion: 4, withCredit: false },
        },
        result: sent,
      },
    ];
    renderScreen(<Harness screens={screens} />, { role: 'SALES_REP', mocks });
    act(() => remoteChange());
    await waitFor(() => expect(screen.getByLabelText(/Name/)).toHaveValue('Acme Holdings'));
    expect(screen.queryByText(/reload or keep yours/)).not.toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText(/Name/), ' Ltd');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
  });
});

describe('field arrays', () => {
  const lines: EntityScreens = {
    form: {
      titles: { create: 'New invoice', edit: () => 'Invoice', submit: 'Create invoice' },
      result: (data) => data as AnyRecord,
      fields: [
        {
          kind: 'lines',
          name: 'lines',
          label: 'Lines',
          addLabel: 'Add line',
          minRows: 1,
          newRow: () => ({ description: '', amount: '' }),
          columns: [
            { kind: 'text', name: 'description', label: 'Description', required: true, max: 100 },
            { kind: 'money', name: 'amount', label: 'Amount', required: true },
          ],
        },
      ],
    },
  };

  it('adds and removes lines, checks each, and sends them as the API takes them', async () => {
    const save = jest.fn(async (input: Record<string, unknown>) => ({ id: 'i1', ...input }));
    const onSaved = jest.fn();
    renderScreen(<EntityFormDialog typeName="Invoice" screens={{ form: { ...lines.form!, save } }} open onClose={() => undefined} onSaved={onSaved} />);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Create invoice' }));
    expect(await screen.findByText('needs at least 1 line')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add line' }));
    await user.click(screen.getByRole('button', { name: 'Add line' }));
    await user.click(screen.getByRole('button', { name: 'Add line' }));
    await user.type(screen.getByLabelText(/Description 1/), 'Labour');
    await user.type(screen.getByLabelText(/Amount 1/), '1,200.5');
    await user.type(screen.getByLabelText(/Description 2/), 'Parts');
    await user.click(screen.getByRole('button', { name: 'Remove line 3' }));
    await user.click(screen.getByRole('button', { name: 'Create invoice' }));
    expect(await screen.findByText('is required')).toBeInTheDocument();
    expect(screen.getByLabelText(/Amount 2/)).toHaveAttribute('aria-invalid', 'true');
    expect(save).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText(/Amount 2/), '$80');
    await user.click(screen.getByRole('button', { name: 'Create invoice' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(save.mock.calls[0][0]).toEqual({
      lines: [
        { description: 'Labour', amount: '1200.50' },
        { description: 'Parts', amount: '80.00' },
      ],
    });
  });

  it('says what is wrong with a line above the fields, from the column labels, while other fields keep their own message', async () => {
    const refusal = new CombinedGraphQLErrors({
      errors: [
        {
          message: 'The input is invalid',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { path: ['input', 'lines', 1, 'amount'], message: 'must be above zero' },
              { path: ['input', 'lines', 0, 'description'], message: 'A line needs words' },
              { path: ['input', 'lines', 0, 'amount'], message: 'is too big' },
              { path: ['input', 'memo'], message: 'is too long' },
            ],
          },
        },
      ],
    });
    const save = jest.fn().mockRejectedValue(refusal);
    const form = { ...lines.form!, fields: [{ kind: 'text', name: 'memo', label: 'Memo', max: 100 } as const, ...lines.form!.fields], save };
    renderScreen(<EntityFormDialog typeName="Invoice" screens={{ form }} open onClose={() => undefined} onSaved={() => undefined} />);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Add line' }));
    await user.type(screen.getByLabelText(/Description 1/), 'Labour');
    await user.type(screen.getByLabelText(/Amount 1/), '5');
    await user.click(screen.getByRole('button', { name: 'Create invoice' }));
    // In the order of the columns, the first message of each; a sentence stands as it is.
    expect(await screen.findByRole('alert')).toHaveTextContent('A line needs attention: A line needs words; Amount must be above zero');
    expect(screen.getByText('is too long')).toBeInTheDocument();
    expect(screen.getByLabelText(/Memo/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Amount 1/)).not.toHaveAttribute('aria-invalid', 'true');
  });
});
