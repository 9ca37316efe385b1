import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { JournalEntryFullFragment } from '../../gql/graphql';
import { Section } from '../../components/kit/DetailFields';
import { RecordLink } from '../../components/kit/descriptors';
import { blankIfZero, centsText, formatMoney } from '../../components/kit/money';
import { EmptyLine } from '../../components/States';
import { typedTotals } from './journal-totals';

/** Under the form's lines: total debits and credits as typed, and what is left to balance. */
export function JournalBalance({ rows }: { rows: Record<string, unknown>[] }) {
  const { debit, credit } = typedTotals(rows);
  const difference = debit > credit ? debit - credit : credit - debit;
  return (
    <Box role="status" sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', columnGap: 3, rowGap: 0.5 }}>
      <Typography variant="body2">{`Total debits ${centsText(debit)}`}</Typography>
      <Typography variant="body2">{`Total credits ${centsText(credit)}`}</Typography>
      {difference !== 0n ? (
        <Typography variant="body2" color="error" sx={{ fontWeight: 600 }}>{`Difference ${centsText(difference)}`}</Typography>
      ) : (
        debit > 0n && (
          <Typography variant="body2" color="success.main" sx={{ fontWeight: 600 }}>
            Balanced
          </Typography>
        )
      )}
    </Box>
  );
}

// On phones the description goes under the account, so the amounts keep their room.
const wideOnly = { display: { xs: 'none', sm: 'table-cell' } };

/** A journal entry's lines on its page, with a totals row. */
export function JournalLinesTable({ entry }: { entry: JournalEntryFullFragment }) {
  const total = { fontWeight: 600, color: 'text.primary', fontSize: '0.875rem' };
  return (
    <Section title="Lines">
      <TableContainer>
        <Table size="small" aria-label="Lines">
          <TableHead>
            <TableRow>
              <TableCell>Account</TableCell>
              <TableCell sx={wideOnly}>Description</TableCell>
              <TableCell align="right">Debit</TableCell>
              <TableCell align="right">Credit</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entry.lines.map((l) => (
              <TableRow key={l.id}>
                <TableCell>
                  <RecordLink type="LedgerAccount" id={l.ledgerAccount.id}>
                    {`${l.ledgerAccount.code} ${l.ledgerAccount.name}`}
                  </RecordLink>
                  {l.description && (
                    <Typography variant="body2" color="text.secondary" sx={{ display: { sm: 'none' }, overflowWrap: 'anywhere' }}>
                      {l.description}
                    </Typography>
                  )}
                </TableCell>
                <TableCell sx={{ ...wideOnly, overflowWrap: 'anywhere' }}>{l.description ?? ''}</TableCell>
                <TableCell align="right">{blankIfZero(l.debit)}</TableCell>
                <TableCell align="right">{blankIfZero(l.credit)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell component="th" scope="row" sx={total}>
                Total
              </TableCell>
              <TableCell sx={{ ...total, ...wideOnly }} />
              <TableCell align="right" sx={total}>
                {formatMoney(entry.totalDebit)}
              </TableCell>
              <TableCell align="right" sx={total}>
                {formatMoney(entry.totalCredit)}
              </TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      </TableContainer>
      {entry.lines.length === 0 && <EmptyLine text="No lines yet." />}
    </Section>
  );
}
