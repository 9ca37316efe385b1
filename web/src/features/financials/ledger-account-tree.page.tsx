import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import { LedgerAccountTreeDocument } from '../../gql/ledger-accounts';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, QueryState } from '../../components/States';
import { inTurn } from '../../components/kit/list-controls';
import { usePageTitle } from '../../components/kit/usePageTitle';
import { ChartViewToggle } from './chart-views';
import { AccountTree, buildTree, groupIds } from './ledger-account-tree';

// The API's largest page: a chart of a few hundred accounts arrives in a handful of requests.
const PAGE_SIZE = 100;

/** The chart of accounts as a tree: groups open by default, each with the balance of what is under it. */
export function LedgerAccountTreePage() {
  usePageTitle('Chart of accounts');
  const { data, loading, error, refetch, observable } = useQuery(LedgerAccountTreeDocument, { variables: { first: PAGE_SIZE } });
  const conn = data?.ledgerAccounts;
  const more = conn?.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
  // A group's place depends on accounts of later pages: the tree shows once the whole chart is in.
  // Each page takes its turn with live refreshes (list-controls.ts), reading the cursor when its turn
  // comes: a refresh that ran first may have brought the page already, or started the chart again.
  useEffect(() => {
    if (!more) return;
    void inTurn(observable, async () => {
      const info = observable.getCurrentResult().data?.ledgerAccounts?.pageInfo;
      if (info?.hasNextPage && info.endCursor) await observable.fetchMore({ variables: { after: info.endCursor } });
    });
  }, [more, observable]);
  const roots = useMemo(() => buildTree(conn?.edges.map((e) => e.node) ?? []), [conn]);
  const groups = useMemo(() => groupIds(roots), [roots]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const expanded = useMemo(() => new Set(groups.filter((id) => !collapsed.has(id))), [groups, collapsed]);
  const toggle = (id: string, open: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader
        title="Chart of accounts"
        subtitle="Accounts under the groups they belong to; a group’s balance includes the accounts under it."
        actions={<ChartViewToggle view="tree" />}
      />
      <QueryState
        loading={loading || !!more}
        error={error}
        hasData={!!conn && !more}
        onRetry={() => void refetch()}
        empty={conn && conn.edges.length === 0 ? <EmptyState title="No ledger accounts yet." /> : undefined}
      >
        <Box sx={{ display: 'flex', gap: 1, mb: 1 }}>
          <Button size="small" disabled={expanded.size === groups.length} onClick={() => setCollapsed(new Set())}>
            Expand all
          </Button>
          <Button size="small" disabled={expanded.size === 0} onClick={() => setCollapsed(new Set(groups))}>
            Collapse all
          </Button>
        </Box>
        <Paper variant="outlined">
          <AccountTree roots={roots} expanded={expanded} onToggle={toggle} />
        </Paper>
      </QueryState>
    </>
  );
}
