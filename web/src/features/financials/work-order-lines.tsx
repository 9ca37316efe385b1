import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { WorkOrderFullFragment, WorkOrderStatus } from '../../gql/graphql';
import { Section } from '../../components/kit/DetailFields';
import { formatDecimal, parseDecimal } from '../../components/kit/decimal';
import { enumLabel } from '../../components/kit/format';
import { formatMoney, fromCents, moneyInputText, parseMoney } from '../../components/kit/money';
import { EmptyLine } from '../../components/States';
import { lineCents, QUANTITY_DECIMALS } from './invoice-totals';

// Colours with text contrast ≥ 4.5:1 on both themes (MUI's warning and info fail it).
const CHIPS: Record<WorkOrderStatus, { color: 'default' | 'primary' | 'secondary' | 'success'; variant: 'outlined' | 'filled' }> = {
  OPEN: { color: 'default', variant: 'outlined' },
  SCHEDULED: { color: 'primary', variant: 'outlined' },
  IN_PROGRESS: { color: 'secondary', variant: 'outlined' },
  COMPLETED: { color: 'success', variant: 'outlined' },
  INVOICED: { color: 'success', variant: 'filled' },
  CANCELLED: { color: 'default', variant: 'filled' },
};

export function WorkOrderStatusChip({ status }: { status: WorkOrderStatus }) {
  return <Chip size="small" label={enumLabel(status)} color={CHIPS[status].color} variant={CHIPS[status].variant} />;
}

const NOT_PRICED = 'Not priced';

/** What the lines typed so far come to: the priced ones' total, and how many wait for a price. */
export function typedWorkOrderTotal(rows: Record<string, unknown>[]): { total: bigint; unpriced: number } {
  let total = 0n;
  let unpriced = 0;
  for (const r of rows) {
    const quantity = parseDecimal(String(r.quantity ?? ''), QUANTITY_DECIMALS);
    const price = parseMoney(String(r.unitPrice ?? ''));
    if (!price.ok) unpriced += 1;
    else if (quantity.ok) total += lineCents(quantity.value, price.value);
  }
  return { total, unpriced };
}

/** Under the form's lines: the total as the server will price it, or (without prices) who prices them. */
export function WorkOrderSummary({ rows, priced }: { rows: Record<string, unknown>[]; priced: boolean }) {
  if (!priced) {
    return (
      <Typography variant="body2" color="text.secondary">
        The office prices the lines. A line keeps its price while its description stays the same.
      </Typography>
    );
  }
  const { total, unpriced } = typedWorkOrderTotal(rows);
  return (
    <Box role="status" sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', columnGap: 3, rowGap: 0.5 }}>
      {unpriced > 0 && <Typography variant="body2">{`${unpriced} ${unpriced === 1 ? 'line' : 'lines'} not priced`}</Typography>}
      <Typography variant="body2" sx={{ fontWeight: 600 }}>{`Total ${moneyInputText(fromCents(total))}`}</Typography>
    </Box>
  );
}

// On phones the quantity and unit price go under the description, so the amounts keep their room.
const wideOnly = { display: { xs: 'none', sm: 'table-cell' } };

const priceText = (price: string | null) => (price == null ? NOT_PRICED : formatMoney(price));

/** A work order's lines on its page, with the total of the priced ones. */
export function WorkOrderLinesTable({ workOrder }: { workOrder: WorkOrderFullFragment }) {
  const strong = { fontWeight: 600, color: 'text.primary', fontSize: '0.875rem' };
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
            {workOrder.lines.map((l, i) => (
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
            <TableRow>
              <TableCell component="th" scope="row" sx={strong}>
                Total
              </TableCell>
              <TableCell sx={wideOnly} />
              <TableCell sx={wideOnly} />
              <TableCell align="right" sx={strong}>
                {formatMoney(workOrder.total)}
              </TableCell>
            </TableRow>
          </TableFooter>
        </Table>
      </TableContainer>
      {workOrder.lines.length === 0 && <EmptyLine text="No lines yet." />}
    </Section>
  );
}
