import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MockLink } from '@apollo/client/testing';
import { Route, useParams } from 'react-router';
import { entities } from '../../app/registry';
import { renderScreen } from '../../test/render';
import { searchDocument } from './search-document';
import { SearchBox } from './SearchBox';

// The debounce and MockLink delays take longer on a busy machine than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

const SEARCH = searchDocument(entities.filter((e) => e.search).map((e) => e.search!.fragment));

function TaskPage() {
  return <p>Task page {useParams().id}</p>;
}

/** Answers the search with these hits, noting the types each request asked for. */
function searchMock(hits: object[], asked: string[][]): MockLink.MockedResponse {
  return {
    request: {
      query: SEARCH,
      variables: (v: Record<string, unknown>) => {
        asked.push(v.types as string[]);
        return v.query === 'call zoe' && v.first === 8;
      },
    },
    result: { data: { search: hits.map((node, i) => ({ __typename: 'SearchHit', score: 1 - i / 10, node })) } },
    maxUsageCount: 5,
  };
}

const task = { __typename: 'Task', id: 't1', title: 'Call Zoe back', done: false, dueAt: null };
const account = { __typename: 'Account', id: 'a1', name: 'Zoe Plumbing', industry: 'Plumbing' };

describe('global search', () => {
  it('finds tasks with the other types the user reads, and opens the one chosen', async () => {
    const asked: string[][] = [];
    renderScreen(<SearchBox />, {
      role: 'SALES_MANAGER',
      mocks: [searchMock([task, account], asked)],
      extraRoutes: <Route path="/tasks/:id" element={<TaskPage />} />,
    });
    const u = userEvent.setup({ delay: null });
    await u.click(screen.getByRole('combobox', { name: 'Search' }));
    await u.paste('call zoe');
    const option = await screen.findByRole('option', { name: /Call Zoe back/ });
    expect(option).toHaveTextContent('Task · no due date');
    expect(screen.getByRole('option', { name: /Zoe Plumbing/ })).toHaveTextContent('Account · Plumbing');
    expect(asked.at(-1)).toEqual(['ACCOUNT', 'CONTACT', 'DEAL', 'TASK']);
    await u.click(option);
    expect(await screen.findByText('Task page t1')).toBeInTheDocument();
  });

  it('does not ask for tasks for a role that reads none', async () => {
    const asked: string[][] = [];
    renderScreen(<SearchBox />, { role: 'ACCOUNTANT', mocks: [searchMock([account], asked)] });
    const u = userEvent.setup({ delay: null });
    await u.click(screen.getByRole('combobox', { name: 'Search' }));
    await u.paste('call zoe');
    expect(await screen.findByRole('option', { name: /Zoe Plumbing/ })).toBeInTheDocument();
    expect(asked.at(-1)).toEqual(['ACCOUNT', 'CONTACT', 'DEAL']);
  });
});
