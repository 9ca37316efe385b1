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
import type { ProfitAndLossReportQuery } from '../../gql/graphql';
import { ProfitAndLossReportDocument } from '../../gql/reports';
import { QueryState } from '../../components/States';
import { ChartCard } from '../../components/charts/ChartCard';
import { MoneyBars } from '../../components/charts/MoneyBars';
import { monthLabel } from '../../components/charts/month-label';
import { ChartTable } from '../../components/kit/ChartTable';
import { RecordLink } from '../../components/kit/descriptors';
import { formatDate, today } from '../../components/kit/format';
import { formatMoney } from '../../components/kit/money';
import { DayInput, ReportFrame, startOfYear, useDayParam } from './report-parts';

type Report = ProfitAndLossReportQuery['profitAndLoss'];
type Row = Report['rows'][number];
type Month = Report['months'][number];

/** Revenue, expenses and net income of a period (default: this year to date), with the months as bars. */
export function ProfitAndLossPage() {
  const fromDay = useDayParam('from', () => startOfYear(today()));
  const toDay = useDayParam('to', today);
  const ordered = fromDay.day <= toDay.day;
  const variables = { from: fromDay.day, to: toDay.day };
  const { data, loading, error, refetch } = useQuery(ProfitAndLossReportDocument, { variables, skip: !ordered });
  const report = ordered ? data?.profitAndLoss : undefined;
  // The last twelve months of the period as bars, from the same query (a single month is the report itself: no chart).
  const months = report && report.months.length > 1 ? report.months.slice(-12) : null;
  return (
    <ReportFrame
      title="Profit and loss"
      subtitle="From posted entries, both days included."
      controls={
        <>
          <DayInput label="From" value={fromDay.input} onChange={fromDay.setInput} />
          <DayInput label="To" value={toDay.input} onChange={toDay.setInput} error={ordered ? undefined : 'must be on or after From'} />
        </>
      }
    >
      {ordered && (
        <QueryState loading={loading} error={error} hasData={!!report} onRetry={() => void refetch()}>
          {report && <ProfitAndLossTable report={report} />}
          {months && <MonthChart months={months} />}
        </QueryState>
      )}
    </ReportFrame>
  );
}

const strong = { fontWeight: 600, color: 'text.primary', fontSize: '0.875rem' };

function Group({ title, rows, total, empty }: { title: string; rows: Row[]; total: string; empty: string }) {
  // Each group is its own row group, headed by its title.
  return (
    <TableBody>
      <TableRow>
        <TableCell component="th" scope="rowgroup" colSpan={2} sx={{ ...strong, bgcolor: 'action.hover' }}>
          {title}
        </TableCell>
      </TableRow>
      {rows.map((r) => (
        <TableRow key={r.ledgerAccount.id}>
          <TableCell sx={{ pl: 4 }}>
            <RecordLink type="LedgerAccount" id={r.ledgerAccount.id}>
              {`${r.ledgerAccount.code} ${r.ledgerAccount.name}`}
            </RecordLink>
          </TableCell>
          <TableCell align="right">{formatMoney(r.amount)}</TableCell>
        </TableRow>
      ))}
      {rows.length === 0 && (
        <TableRow>
          <TableCell colSpan={2} sx={{ pl: 4, color: 'text.secondary' }}>
            {empty}
          </TableCell>
        </TableRow>
      )}
      <TableRow>
        <TableCell component="th" scope="row" sx={strong}>
          {`Total ${title.toLowerCase()}`}
        </TableCell>
        <TableCell align="right" sx={strong}>
          {formatMoney(total)}
        </TableCell>
      </TableRow>
    </TableBody>
  );
}

function ProfitAndLossTable({ report }: { report: Report }) {
  const revenue = report.rows.filter((r) => r.ledgerAccount.type === 'REVENUE');
  const expenses = report.rows.filter((r) => r.ledgerAccount.type === 'EXPENSE');
  return (
    <Paper variant="outlined" sx={{ mb: 2 }}>
      <TableContainer>
        <Table size="small" aria-label="Profit and loss">
          <TableHead>
            <TableRow>
              <TableCell>{`${formatDate(report.from)} – ${formatDate(report.to)}`}</TableCell>
              <TableCell align="right">Amount</TableCell>
            </TableRow>
          </TableHead>
          <Group title="Revenue" rows={revenue} total={report.revenue} empty="No revenue in this period." />
          <Group title="Expenses" rows={expenses} total={report.expenses} empty="No expenses in this period." />
          <TableFooter>
            <TableRow>
              <TableCell component="th" scope="row" sx={strong}>
                Net income
              </TableCell>
              <TableCell align="right" sx={strong}>
                {formatMoney(report.netIncome)}
              </TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      </TableContainer>
    </Paper>
  );
}

function MonthChart({ months }: { months: Month[] }) {
  const theme = useTheme();
  return (
    <ChartCard id="pl-months" title="Revenue and expenses by month">
      <MoneyBars
        categories={months.map((m) => monthLabel(m.month))}
        series={[
          { label: 'Revenue', values: months.map((m) => m.revenue), color: theme.palette.success.main },
          { label: 'Expenses', values: months.map((m) => m.expenses), color: theme.palette.error.main },
        ]}
      />
      <ChartTable
        caption="Revenue and expenses by month"
        head={['Month', 'Revenue', 'Expenses']}
        rows={months.map((m) => [monthLabel(m.month), formatMoney(m.revenue), formatMoney(m.expenses)])}
      />
    </ChartCard>
  );
}
