import { Link as RouterLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { DashboardStatsQuery } from '../../gql/graphql';
import { DashboardStatsDocument } from '../../gql/dashboard';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { formatMoney } from '../../components/kit/format';
import { usePageTitle } from '../../components/kit/usePageTitle';
import { useCapabilities } from '../../app/capabilities';
import { navFor } from '../../app/navigation';
import { ROLE_LABELS } from '../../app/roles';
import { dealStageLabel, OPEN_STAGES } from '../deals/stages';
import { ChartTable } from '../../components/kit/ChartTable';
import { ChartCard } from '../../components/charts/ChartCard';
import { monthLabel } from '../../components/charts/month-label';
import { StageBarChart, WonLineChart } from './DashboardCharts';
import { Kpi } from './DashboardCards';
import { FinancialFigures } from './FinancialFigures';

type Stats = DashboardStatsQuery['dealStats'];

export function formatRate(rate: number | null | undefined): string {
  return rate == null ? '—' : `${Math.round(rate * 100)} %`;
}

export function DashboardPage() {
  const caps = useCapabilities();
  const seesDeals = caps.canRead('Deal');
  const withInteractions = caps.canRead('Interaction');
  usePageTitle('Dashboard');
  // Roles without deal access get a welcome instead, and the query is never sent (it would be FORBIDDEN).
  const { data, loading, error, refetch } = useQuery(DashboardStatsDocument, { variables: { withInteractions }, skip: !seesDeals });

  if (!seesDeals) return <Welcome />;
  const stats = data?.dealStats;
  return (
    <>
      {/* The figures cover the deals the user may read: only their own, or the team's. */}
      <PageHeader title="Dashboard" subtitle={caps.of('Deal').read === 'OWN' ? 'Your pipeline' : 'Team pipeline'} />
      {loading && !stats ? (
        <LoadingState label="Loading figures…" />
      ) : error && !stats ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : stats ? (
        <Figures stats={stats} withInteractions={withInteractions} canCreate={caps.canCreate('Deal')} />
      ) : null}
      {/* The books' figures for those who read financials (the server refuses them to others). */}
      {caps.canRead('LedgerAccount') && <FinancialFigures />}
    </>
  );
}

function Figures({ stats, withInteractions, canCreate }: { stats: Stats; withInteractions: boolean; canCreate: boolean }) {
  const noDeals = stats.byStage.every((s) => s.count === 0);
  const pipeline = stats.byStage.filter((s) => OPEN_STAGES.includes(s.stage));
  const anyWon = stats.wonByMonth.some((m) => m.count > 0);
  const closed = stats.wonInWindow + stats.lostInWindow;
  return (
    <Stack spacing={2}>
      <Grid container spacing={2} component="section" aria-label="Key figures">
        <Kpi
          label="Open pipeline"
          value={formatMoney(stats.openPipelineAmount)}
          detail={`${stats.openDealCount} open ${stats.openDealCount === 1 ? 'deal' : 'deals'}`}
        />
        <Kpi
          label="Won this month"
          value={formatMoney(stats.wonThisMonthAmount)}
          detail={`${stats.wonThisMonthCount} ${stats.wonThisMonthCount === 1 ? 'deal' : 'deals'}`}
        />
        <Kpi
          label="Win rate"
          value={formatRate(stats.winRate)}
          detail={
            closed
              ? `${stats.wonInWindow} won, ${stats.lostInWindow} lost in the last ${stats.winRateDays} days`
              : `No deals closed in the last ${stats.winRateDays} days`
          }
        />
        {withInteractions && <Kpi label="Interactions this week" value={String(stats.interactionsThisWeek ?? 0)} detail="Since Monday (UTC)" />}
      </Grid>
      {noDeals ? (
        <Paper variant="outlined">
          <EmptyState title="No deals yet.">
            {canCreate ? (
              <Button component={RouterLink} to="/deals" variant="outlined" size="small">
                Go to deals
              </Button>
            ) : (
              'Figures appear here once there are deals.'
            )}
          </EmptyState>
        </Paper>
      ) : (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 6 }}>
            <ChartCard
              id="pipeline-by-stage"
              title="Open pipeline by stage"
              summary={`Open deals by stage: ${pipeline.map((s) => `${dealStageLabel(s.stage)} ${formatMoney(s.amount)} (${s.count})`).join(', ')}.`}
            >
              <StageBarChart rows={pipeline} />
              <ChartTable
                caption="Open pipeline by stage"
                head={['Stage', 'Deals', 'Amount']}
                rows={pipeline.map((s) => [dealStageLabel(s.stage), String(s.count), formatMoney(s.amount)])}
              />
            </ChartCard>
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <ChartCard id="won-by-month" title="Won by month" summary={anyWon ? undefined : 'No deals won in the last twelve months.'}>
              <WonLineChart rows={stats.wonByMonth} />
              <ChartTable
                caption="Won by month, last twelve months"
                head={['Month', 'Deals won', 'Amount']}
                rows={stats.wonByMonth.map((m) => [monthLabel(m.month), String(m.count), formatMoney(m.amount)])}
              />
            </ChartCard>
          </Grid>
        </Grid>
      )}
    </Stack>
  );
}

/** For roles without deal access (dispatchers, technicians): where to go instead of pipeline figures. */
function Welcome() {
  const caps = useCapabilities();
  const me = caps.me;
  const places = navFor(caps).filter((i) => i.to !== '/');
  return (
    <>
      <PageHeader title="Dashboard" />
      <Paper variant="outlined" sx={{ p: 3 }} component="section" aria-labelledby="welcome-title">
        <Typography id="welcome-title" variant="h6" component="h2">
          Welcome, {me.name}
        </Typography>
        <Typography variant="body1" color="text.secondary" sx={{ mt: 1 }}>
          You are signed in as {ROLE_LABELS[me.role].toLowerCase()}. Pipeline figures are for sales and finance roles.
          {places.length === 0 && ' Your scheduled work will show up here as the field-service tools arrive.'}
        </Typography>
        {places.length > 0 && (
          <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap' }}>
            {places.map((p) => (
              <Button key={p.to} component={RouterLink} to={p.to} variant="outlined">
                {p.label}
              </Button>
            ))}
          </Stack>
        )}
      </Paper>
    </>
  );
}
