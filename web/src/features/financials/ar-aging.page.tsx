import { useQuery } from '@apollo/client/react';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTheme } from '@mui/material/styles';
import type { ArAgingReportQuery } from '../../gql/graphql';
import { ArAgingReportDocument } from '../../gql/reports';
import { EmptyState, QueryState } from '../../components/States';
import { ChartCard } from '../../components/charts/ChartCard';
import { MoneyBars } from '../../components/charts/MoneyBars';
import { ChartTable } from '../../components/kit/ChartTable';
import { RecordLink } from '../../components/kit/descriptors';
import { formatDate, today } from '../../components/kit/format';
import { formatMoney } from '../../components/kit/money';
import { DayInput, ReportFrame, useDayParam } from './report-parts';

type Aging = ArAgingReportQuery['arAging'];
type Buckets = Aging['totals'];

const BUCKETS: { key: keyof Omit<Buckets, '__typename' | 'total'>; label: string }[] = [
  { key: 'current', label: 'Current' },
  { key: 'days1to30', label: '1–30 days' },
  { key: 'days31to60', label: '31–60 days' },
  { key: 'days61to90', label: '61–90 days' },
  { key: 'over90', label: 'Over 90 days' },
];

const strong = { fontWeight: 600, color: 'text.primary', fontSize: '0.875rem' };
// The narrow screen keeps the account, the oldest money and the total.
const wideOnly = { display: { xs: 'none', md: 'table-cell' } };

/** What each customer owes at the end of a day, by days past due, with the columns' totals as bars. */
export function ArAgingPage() {
  const asOf = useDayParam('asOf', today);
  const { data, loading, error, refetch } = useQuery(ArAgingReportDocument, { variables: { asOf: asOf.day } });
  const report = data?.arAging;
  return (
    <ReportFrame
      title="AR aging"
      subtitle="Open invoice balances at the end of the day, by how long they are past due."
      controls={<DayInput label="As of" value={asOf.input} onChange={asOf.setInput} />}
    >
      <QueryState loading={loading} error={error} hasData={!!report} onRetry={() => void refetch()}>
        {report && <AgingTable report={report} />}
        {report && <AgingChart totals={report.totals} />}
      </QueryState>
    </ReportFrame>
  );
}

function AgingTable({ report }: { report: Aging }) {
  return (
    <Paper variant="outlined" sx={{ mb: 2 }}>
      <TableContainer>
        <Table size="small" aria-label="AR aging">
          <TableHead>
            <TableRow>
              <TableCell>Account</TableCell>
              {BUCKETS.map((b) => (
                <TableCell key={b.key} align="right" sx={b.key === 'over90' ? undefined : wideOnly}>
                  {b.label}
                </TableCell>
              ))}
              <TableCell align="right">Total</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.rows.map((r) => (
              <TableRow key={r.account.id}>
                <TableCell>
                  <RecordLink type="Account" id={r.account.id}>
                    {r.account.name}
                  </RecordLink>
                </TableCell>
                {BUCKETS.map((b) => (
                  <TableCell key={b.key} align="right" sx={b.key === 'over90' ? undefined : wideOnly}>
                    {formatMoney(r[b.key])}
                  </TableCell>
                ))}
                <TableCell align="right">{formatMoney(r.total)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell component="th" scope="row" sx={strong}>
                Total
              </TableCell>
              {BUCKETS.map((b) => (
                <TableCell key={b.key} align="right" sx={{ ...strong, ...(b.key === 'over90' ? {} : wideOnly) }}>
                  {formatMoney(report.totals[b.key])}
                </TableCell>
              ))}
              <TableCell align="right" sx={strong}>
                {formatMoney(report.totals.total)}
              </TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      </TableContainer>
      {report.rows.length === 0 && <EmptyState title={`Nothing owed at the end of ${formatDate(report.asOf)}.`} />}
    </Paper>
  );
}

function AgingChart({ totals }: { totals: Buckets }) {
  const theme = useTheme();
  return (
    <ChartCard id="aging-buckets" title="Owed by age">
      <MoneyBars
        categories={BUCKETS.map((b) => b.label)}
        series={[{ label: 'Owed', values: BUCKETS.map((b) => totals[b.key]), color: theme.palette.primary.main }]}
      />
      <ChartTable caption="Owed by age" head={['Age', 'Owed']} rows={BUCKETS.map((b) => [b.label, formatMoney(totals[b.key])])} />
    </ChartCard>
  );
}
