import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import { AccountsDocument, RestoreAccountDocument, type AccountFilter, type AccountRowFragment, type AccountSortField } from '../../gql/graphql';
import { PageHeader } from '../../components/PageHeader';
import { EmptyList, ListTable, type Column } from '../../components/ListTable';
import { useLoadMore, TrashSwitch, restoreColumn } from '../../components/list-controls';
import { SearchField } from '../../components/SearchField';
import { useListUrlState } from '../../components/useListUrlState';
import { formatMoney } from '../../components/format';
import { useCurrentUser } from '../../app/current-user';
import { describeError } from '../../app/errors';
import { useNotify } from '../../components/Notifications';
import { canSeeCreditLimit, canWrite } from '../../app/roles';
import { AccountFormDialog } from './AccountFormDialog';

const SORTS = ['NAME', 'INDUSTRY', 'CREDIT_LIMIT', 'CREATED_AT', 'UPDATED_AT'] as const satisfies readonly AccountSortField[];
export const ACCOUNTS_PAGE_SIZE = 25;

export function accountFilter(query: string, trash: boolean): AccountFilter {
  const filter: AccountFilter = {};
  if (query.trim()) filter.or = [{ name: { contains: query.trim() } }, { industry: { contains: query.trim() } }, { email: { contains: query.trim() } }];
  if (trash) filter.deletedAt = { isNull: false };
  return filter;
}

export function AccountsPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const list = useListUrlState<AccountSortField>({ field: 'CREATED_AT', direction: 'DESC' }, SORTS);
  const trash = list.get('view') === 'trash';
  const [creating, setCreating] = useState(false);
  const variables = { first: ACCOUNTS_PAGE_SIZE, filter: accountFilter(list.query, trash), orderBy: list.orderBy, withCredit: canSeeCreditLimit(me.role) };
  const { data, loading, error, refetch, fetchMore } = useQuery(AccountsDocument, { variables, notifyOnNetworkStatusChange: false });
  const conn = data?.accounts;
  const paging = useLoadMore(conn?.pageInfo, fetchMore);
  const showCredit = canSeeCreditLimit(me.role);
  const writable = canWrite(me.role, 'accounts');
  const notify = useNotify();
  const [restore] = useMutation(RestoreAccountDocument);
  // Trashed accounts are not found by id, so the trash is where they come back from.
  const restoreRow = (a: AccountRowFragment) =>
    restore({ variables: { id: a.id, withCredit: showCredit } }).then(
      () => {
        notify(`${a.name} restored`);
        void refetch();
      },
      (err: unknown) => notify(describeError(err).message, { severity: 'error' }),
    );

  const columns: Column<AccountRowFragment, AccountSortField>[] = [
    { id: 'name', label: 'Name', sortField: 'NAME', render: (a) => (trash ? a.name : <Link component={RouterLink} to={`/accounts/${a.id}`}>{a.name}</Link>) },
    { id: 'industry', label: 'Industry', sortField: 'INDUSTRY', render: (a) => a.industry ?? '—', hideBelow: 'sm' },
    { id: 'email', label: 'Email', render: (a) => a.email ?? '—', hideBelow: 'md' },
    { id: 'phone', label: 'Phone', render: (a) => a.phone ?? '—', hideBelow: 'md' },
    ...(showCredit ? [{ id: 'credit', label: 'Credit limit', sortField: 'CREDIT_LIMIT' as const, align: 'right' as const, render: (a: AccountRowFragment) => formatMoney(a.creditLimit), hideBelow: 'sm' as const }] : []),
    { id: 'owner', label: 'Owner', render: (a) => a.owner.name, hideBelow: 'sm' },
    ...restoreColumn<AccountRowFragment, AccountSortField>(trash && writable, (a) => a.name, (a) => void restoreRow(a)),
  ];


  return (
    <>
      <PageHeader
        title={trash ? 'Accounts — trash' : 'Accounts'}
        actions={
          writable && (
            <Button variant="contained" onClick={() => setCreating(true)}>
              New account
            </Button>
          )
        }
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <SearchField label="Filter accounts" value={list.query} onChange={list.setQuery} />
        <TrashSwitch checked={trash} onChange={(on) => list.update({ view: on ? 'trash' : null })} />
      </Stack>
      <ListTable
        label="Accounts"
        columns={columns}
        rows={conn?.edges.map((e) => e.node)}
        sort={{ field: list.field, direction: list.direction }}
        onSort={list.setSort}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        {...paging}
        totalCount={conn?.totalCount}
        empty={<EmptyList title={trash ? 'The trash is empty.' : list.query ? 'No accounts match this filter.' : 'No accounts yet.'} />}
      />
      <AccountFormDialog open={creating} onClose={() => setCreating(false)} onSaved={(a) => { setCreating(false); navigate(`/accounts/${a.id}`); }} />
    </>
  );
}
