import { useQuery } from '@apollo/client/react';
import Grid from '@mui/material/Grid';
import { useTheme } from '@mui/material/styles';
import { DashboardFinancialsDocument } from '../../gql/dashboard';
import { ErrorState, LoadingState } from '../../components/States';
import { ChartTable } from '../../components/kit/ChartTable';
import { formatMoney } from '../../components/kit/format';
import { toCents } from '../../components/kit/money';
import { ChartCard } from '../../components/charts/ChartCard';
import { MoneyBars } from '../../components/charts/MoneyBars';
import { monthLabel } from '../../components/charts/month-label';
import { Kpi } from './DashboardCards';

/**
 * The books at a glance, for the roles that read financials: receivables, this month's revenue and
 * the last twelve months'. The query reads `financialSummary`, which invoice, payment, journal and
 * expense changes refresh from the feed.
 */
export function FinancialFigures() {
  const theme = useTheme();
  const { data, loading, error, refetch } = useQuery(DashboardFinancialsDocument);
  const summary = data?.financialSummary;
  if (loading && !summary) return <LoadingState label="Loading the books…" />;
  if (error && !summary) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!summary) return null;
  const months = summary.revenueByMonth;
  const current = months[months.length - 1];
  const anyRevenue = months.some((m) => toCents(m.amount) !== 0n);
  return (
    <Grid container spacing={2} component="section" aria-label="Financial figures" sx={{ mt: 2, alignItems: 'flex-start' }}>
      <Kpi label="AR outstanding" value={formatMoney(summary.arOutstanding)} detail="Owed by customers now" />
      <Kpi
        label="Revenue this month"
        value={formatMoney(summary.revenueThisMonth)}
        detail={current ? `Posted in ${monthLabel(current.month)}` : 'Posted this month'}
      />
      <Grid size={{ xs: 12, lg: 6 }}>
        <ChartCard id="revenue-by-month" title="Revenue by month" summary={anyRevenue ? undefined : 'No revenue in the last twelve months.'}>
          <MoneyBars
            height={220}
            categories={months.map((m) => monthLabel(m.month))}
            series={[{ label: 'Revenue', values: months.map((m) => m.amount), color: theme.palette.success.main }]}
          />
          <ChartTable
            caption="Revenue by month, last twelve months"
            head={['Month', 'Revenue']}
            rows={months.map((m) => [monthLabel(m.month), formatMoney(m.amount)])}
          />
        </ChartCard>
      </Grid>
    </Grid>
  );
}
