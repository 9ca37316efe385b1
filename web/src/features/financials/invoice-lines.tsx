import { useFormContext, useWatch } from 'react-hook-form';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { InvoiceFullFragment, InvoiceStatus } from '../../gql/graphql';
import { Section } from '../../components/kit/DetailFields';
import { formatDecimal } from '../../components/kit/decimal';
import { enumLabel, formatDate } from '../../components/kit/format';
import { centsText, formatMoney } from '../../components/kit/money';
import { EmptyLine } from '../../components/States';
import { typedInvoiceTotals } from './invoice-totals';
import { PricedLinesTable, type FooterRow } from './priced-lines-table';

// Colours with text contrast ≥ 4.5:1 on both themes (MUI's warning and info fail it).
const CHIPS: Record<InvoiceStatus, { color: 'default' | 'primary' | 'secondary' | 'success'; variant: 'outlined' | 'filled' }> = {
  DRAFT: { color: 'default', variant: 'outlined' },
  ISSUED: { color: 'primary', variant: 'outlined' },
  PARTIALLY_PAID: { color: 'secondary', variant: 'outlined' },
  PAID: { color: 'success', variant: 'outlined' },
  VOID: { color: 'default', variant: 'filled' },
};

export function InvoiceStatusChip({ status }: { status: InvoiceStatus }) {
  return <Chip size="small" label={enumLabel(status)} color={CHIPS[status].color} variant={CHIPS[status].variant} />;
}

/** "8.25%": a rate as the invoice shows it. */
const rateText = (rate: string) => `${formatDecimal(rate)}%`;

/** Under the form's lines: subtotal, tax and total of what is typed, as the server will price it. */
export function InvoiceSummary({ rows }: { rows: Record<string, unknown>[] }) {
  const { control } = useFormContext();
  const taxRate = useWatch({ control, name: 'taxRate' }) as unknown;
  const { subtotal, tax, total, rate } = typedInvoiceTotals(rows, taxRate);
  return (
    <Box role="status" sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', columnGap: 3, rowGap: 0.5 }}>
      <Typography variant="body2">{`Subtotal ${centsText(subtotal)}`}</Typography>
      <Typography variant="body2">{`Tax (${rate ? rateText(rate) : '—'}) ${centsText(tax)}`}</Typography>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>{`Total ${centsText(total)}`}</Typography>
    </Box>
  );
}

// On phones the quantity and unit price go under the description, so the amounts keep their room.
const wideOnly = { display: { xs: 'none', sm: 'table-cell' } };

/** An invoice's lines on its page, with its money below them: subtotal, tax, total, paid, due. */
export function InvoiceLinesTable({ invoice }: { invoice: InvoiceFullFragment }) {
  const footer: FooterRow[] = [
    { label: 'Subtotal', value: invoice.subtotal },
    { label: `Tax (${rateText(invoice.taxRate)})`, value: invoice.tax },
    { label: 'Total', value: invoice.total, strong: true },
  ];
  if (invoice.status !== 'DRAFT')
    footer.push({ label: 'Amount paid', value: invoice.amountPaid }, { label: 'Balance due', value: invoice.balanceDue, strong: true });
  return <PricedLinesTable lines={invoice.lines} footer={footer} />;
}

/** The payments received against an invoice, newest first. */
export function InvoicePayments({ invoice }: { invoice: InvoiceFullFragment }) {
  const payments = invoice.payments;
  return (
    <Section title={`Payments (${payments.length})`}>
      {payments.length === 0 ? (
        <EmptyLine text={invoice.status === 'DRAFT' ? 'Payments are recorded once the invoice is issued.' : 'No payments yet.'} />
      ) : (
        <TableContainer>
          <Table size="small" aria-label="Payments">
            <TableHead>
              <TableRow>
                <TableCell>Date</TableCell>
                <TableCell>Method</TableCell>
                <TableCell sx={wideOnly}>Reference</TableCell>
                <TableCell align="right">Amount</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {payments.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>{formatDate(p.date)}</TableCell>
                  <TableCell>{enumLabel(p.method)}</TableCell>
                  <TableCell sx={{ ...wideOnly, overflowWrap: 'anywhere' }}>{p.reference ?? '—'}</TableCell>
                  <TableCell align="right">{formatMoney(p.amount)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Section>
  );
}
