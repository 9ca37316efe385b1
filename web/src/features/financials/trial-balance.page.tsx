import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { TrialBalanceReportQuery } from '../../gql/graphql';
import { TrialBalanceReportDocument } from '../../gql/reports';
import { EmptyState, QueryState } from '../../components/States';
import { RecordLink } from '../../components/kit/descriptors';
import { enumLabel, formatDate, today } from '../../components/kit/format';
import { blankIfZero, formatMoney, fromCents, toCents } from '../../components/kit/money';
import { DayInput, ReportFrame, useDayParam } from './report-parts';

type TrialBalance = TrialBalanceReportQuery['trialBalance'];

const strong = { fontWeight: 600, color: 'text.primary', fontSize: '0.875rem' };

/** Every account with a balance at the end of a day, debits beside credits, and their equal totals. */
export function TrialBalancePage() {
  const asOf = useDayParam('asOf', today);
  const { data, loading, error, refetch } = useQuery(TrialBalanceReportDocument, { variables: { asOf: asOf.day } });
  const report = data?.trialBalance;
  return (
    <ReportFrame
      title="Trial balance"
      subtitle="Balances from posted entries at the end of the day, postings on it included."
      controls={<DayInput label="As of" value={asOf.input} onChange={asOf.setInput} />}
    >
      <QueryState loading={loading} error={error} hasData={!!report} onRetry={() => void refetch()}>
        {report && <TrialBalanceTable report={report} />}
      </QueryState>
    </ReportFrame>
  );
}

function TrialBalanceTable({ report }: { report: TrialBalance }) {
  const difference = toCents(report.totalDebit) - toCents(report.totalCredit);
  return (
    <>
      {difference === 0n ? (
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          {`Debits equal credits at the end of ${formatDate(report.asOf)}.`}
        </Alert>
      ) : (
        <Alert severity="error" role="status" sx={{ mb: 2 }}>
          {`Debits and credits differ by ${formatMoney(fromCents(difference < 0n ? -difference : difference))}.`}
        </Alert>
      )}
      <Paper variant="outlined">
        <TableContainer>
          <Table size="small" aria-label="Trial balance">
            <TableHead>
              <TableRow>
                <TableCell>Account</TableCell>
                <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>Type</TableCell>
                <TableCell align="right">Debit</TableCell>
                <TableCell align="right">Credit</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.rows.map((r) => (
                <TableRow key={r.ledgerAccount.id}>
                  <TableCell>
                    <RecordLink type="LedgerAccount" id={r.ledgerAccount.id}>
                      {`${r.ledgerAccount.code} ${r.ledgerAccount.name}`}
                    </RecordLink>
                  </TableCell>
                  <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }}>{enumLabel(r.ledgerAccount.type)}</TableCell>
                  <TableCell align="right">{blankIfZero(r.debit)}</TableCell>
                  <TableCell align="right">{blankIfZero(r.credit)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell component="th" scope="row" sx={strong}>
                  Total
                </TableCell>
                <TableCell sx={{ display: { xs: 'none', sm: 'table-cell' } }} />
                <TableCell align="right" sx={strong}>
                  {formatMoney(report.totalDebit)}
                </TableCell>
                <TableCell align="right" sx={strong}>
                  {formatMoney(report.totalCredit)}
                </TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </TableContainer>
        {report.rows.length === 0 && <EmptyState title={`Nothing posted on or before ${formatDate(report.asOf)}.`} />}
      </Paper>
    </>
  );
}
