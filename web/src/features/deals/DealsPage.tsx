import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { DealsDocument, RestoreDealDocument, type DealFilter, type DealRowFragment, type DealSortField, type DealStage } from '../../gql/graphql';
import { PageHeader } from '../../components/PageHeader';
import { EmptyList, ListTable, type Column } from '../../components/ListTable';
import { restoreColumn, useLoadMore, TrashSwitch } from '../../components/list-controls';
import { useNotify } from '../../components/Notifications';
import { describeError } from '../../app/errors';
import { SearchField } from '../../components/SearchField';
import { useListUrlState } from '../../components/useListUrlState';
import { formatDate, formatMoney } from '../../components/format';
import { useCurrentUser } from '../../app/current-user';
import { canWrite } from '../../app/roles';
import { DealFormDialog } from './DealFormDialog';
import { DealViewSwitch } from './DealViewSwitch';
import { StageChip } from './StageChip';
import { dealStageLabel, isDealStage, STAGES } from './stages';

const SORTS = ['NAME', 'STAGE', 'AMOUNT', 'EXPECTED_CLOSE_DATE', 'CREATED_AT', 'UPDATED_AT'] as const satisfies readonly DealSortField[];
export const DEALS_PAGE_SIZE = 25;

export function dealFilter(query: string, stage: DealStage | null, trash: boolean): DealFilter {
  const filter: DealFilter = {};
  const q = query.trim();
  if (q) filter.or = [{ name: { contains: q } }, { account: { name: { contains: q } } }];
  if (stage) filter.stage = { eq: stage };
  if (trash) filter.deletedAt = { isNull: false };
  return filter;
}

export function DealsPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const list = useListUrlState<DealSortField>({ field: 'CREATED_AT', direction: 'DESC' }, SORTS);
  const trash = list.get('view') === 'trash';
  const rawStage = list.get('stage');
  const stage = isDealStage(rawStage) ? rawStage : null;
  const [creating, setCreating] = useState(false);
  const variables = { first: DEALS_PAGE_SIZE, filter: dealFilter(list.query, stage, trash), orderBy: list.orderBy };
  const { data, loading, error, refetch, fetchMore } = useQuery(DealsDocument, { variables });
  const conn = data?.deals;
  const paging = useLoadMore(conn?.pageInfo, fetchMore);

  const notify = useNotify();
  const [restore] = useMutation(RestoreDealDocument);
  // Trashed deals are not found by id, so the trash is where they come back from.
  const restoreRow = (d: DealRowFragment) =>
    restore({ variables: { id: d.id } }).then(
      () => {
        notify(`${d.name} restored`);
        void refetch();
      },
      (err: unknown) => notify(describeError(err).message, { severity: 'error' }),
    );
  const columns: Column<DealRowFragment, DealSortField>[] = [
    { id: 'name', label: 'Name', sortField: 'NAME', render: (d) => (trash ? d.name : <Link component={RouterLink} to={`/deals/${d.id}`}>{d.name}</Link>) },
    { id: 'account', label: 'Account', render: (d) => (d.account ? <Link component={RouterLink} to={`/accounts/${d.account.id}`}>{d.account.name}</Link> : '—'), hideBelow: 'sm' },
    { id: 'stage', label: 'Stage', sortField: 'STAGE', render: (d) => <StageChip stage={d.stage} /> },
    { id: 'amount', label: 'Amount', sortField: 'AMOUNT', align: 'right', render: (d) => formatMoney(d.amount) },
    { id: 'close', label: 'Expected close', sortField: 'EXPECTED_CLOSE_DATE', render: (d) => formatDate(d.expectedCloseDate), hideBelow: 'md' },
    { id: 'owner', label: 'Owner', render: (d) => d.owner.name, hideBelow: 'md' },
    ...restoreColumn<DealRowFragment, DealSortField>(trash && canWrite(me.role, 'deals'), (d) => d.name, (d) => void restoreRow(d)),
  ];

  const emptyTitle = trash ? 'The trash is empty.' : list.query || stage ? 'No deals match this filter.' : 'No deals yet.';
  return (
    <>
      <PageHeader
        title={trash ? 'Deals — trash' : 'Deals'}
        actions={
          <>
            <DealViewSwitch current="list" />
            {canWrite(me.role, 'deals') && (
              <Button variant="contained" onClick={() => setCreating(true)}>
                New deal
              </Button>
            )}
          </>
        }
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
        <SearchField label="Filter deals" value={list.query} onChange={list.setQuery} />
        <TextField select size="small" label="Stage" value={stage ?? ''} onChange={(e) => list.update({ stage: e.target.value || null })} sx={{ minWidth: 180 }}>
          <MenuItem value="">All stages</MenuItem>
          {STAGES.map((s) => (
            <MenuItem key={s} value={s}>
              {dealStageLabel(s)}
            </MenuItem>
          ))}
        </TextField>
        <TrashSwitch checked={trash} onChange={(on) => list.update({ view: on ? 'trash' : null })} />
      </Stack>
      <ListTable
        label="Deals"
        columns={columns}
        rows={conn?.edges.map((e) => e.node)}
        sort={{ field: list.field, direction: list.direction }}
        onSort={list.setSort}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        {...paging}
        totalCount={conn?.totalCount}
        empty={<EmptyList title={emptyTitle} hint={!trash && !list.query && !stage && canWrite(me.role, 'deals') ? 'Create one with “New deal”.' : undefined} />}
      />
      <DealFormDialog open={creating} onClose={() => setCreating(false)} onSaved={(d) => { setCreating(false); navigate(`/deals/${d.id}`); }} />
    </>
  );
}
