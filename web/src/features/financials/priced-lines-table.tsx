import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Section } from '../../components/kit/DetailFields';
import { formatDecimal } from '../../components/kit/decimal';
import { formatMoney } from '../../components/kit/money';
import { EmptyLine } from '../../components/States';

export interface PricedLine {
  description: string;
  quantity: string;
  /** Null until priced (a work order's line). */
  unitPrice: string | null;
  amount: string | null;
}

/** A row under the lines: a label and an amount, `strong` for totals. */
export interface FooterRow {
  label: string;
  value: string;
  strong?: boolean;
}

// On phones the quantity and unit price go under the description, so the amounts keep their room.
const wideOnly = { display: { xs: 'none', sm: 'table-cell' } };
const footerCell = { color: 'text.primary', fontSize: '0.875rem' };
const NOT_PRICED = 'Not priced';
const priceText = (price: string | null) => (price == null ? NOT_PRICED : formatMoney(price));

/** Lines of quantity × unit price (an invoice's, a work order's) on a record's page, with their money below. */
export function PricedLinesTable({ lines, footer }: { lines: PricedLine[]; footer: FooterRow[] }) {
  return (
    <Section title="Lines">
      <TableContainer>
        <Table size="small" aria-label="Lines">
          <TableHead>
            <TableRow>
              <TableCell>Description</TableCell>
              <TableCell align="right" sx={wideOnly}>
                Quantity
              </TableCell>
              <TableCell align="right" sx={wideOnly}>
                Unit price
              </TableCell>
              <TableCell align="right">Amount</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((l, i) => (
              <TableRow key={i}>
                <TableCell sx={{ overflowWrap: 'anywhere' }}>
                  {l.description}
                  <Typography variant="body2" color="text.secondary" sx={{ display: { sm: 'none' } }}>
                    {`${formatDecimal(l.quantity)} × ${priceText(l.unitPrice)}`}
                  </Typography>
                </TableCell>
                <TableCell align="right" sx={wideOnly}>
                  {formatDecimal(l.quantity)}
                </TableCell>
                <TableCell align="right" sx={{ ...wideOnly, ...(l.unitPrice == null && { color: 'text.secondary' }) }}>
                  {priceText(l.unitPrice)}
                </TableCell>
                <TableCell align="right">{l.amount == null ? '—' : formatMoney(l.amount)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
          <TableFooter>
            {footer.map(({ label, value, strong }) => {
              const sx = strong ? { ...footerCell, fontWeight: 600 } : footerCell;
              return (
                <TableRow key={label}>
                  <TableCell component="th" scope="row" sx={sx}>
                    {label}
                  </TableCell>
                  <TableCell sx={wideOnly} />
                  <TableCell sx={wideOnly} />
                  <TableCell align="right" sx={sx}>
                    {formatMoney(value)}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableFooter>
        </Table>
      </TableContainer>
      {lines.length === 0 && <EmptyLine text="No lines yet." />}
    </Section>
  );
}
