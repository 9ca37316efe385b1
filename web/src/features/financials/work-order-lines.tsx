import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { WorkOrderFullFragment, WorkOrderStatus } from '../../gql/graphql';
import { enumLabel } from '../../components/kit/format';
import { centsText } from '../../components/kit/money';
import { typedLinesTotal } from './invoice-totals';
import { PricedLinesTable } from './priced-lines-table';

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

/** Under the form's lines: the total as the server will price it, or (without prices) who prices them. */
export function WorkOrderSummary({ rows, priced }: { rows: Record<string, unknown>[]; priced: boolean }) {
  if (!priced) {
    return (
      <Typography variant="body2" color="text.secondary">
        The office prices the lines. A line keeps its price while its description stays the same.
      </Typography>
    );
  }
  // The priced lines' total, and how many wait for a price.
  const { total, unpriced } = typedLinesTotal(rows);
  return (
    <Box role="status" sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', columnGap: 3, rowGap: 0.5 }}>
      {unpriced > 0 && <Typography variant="body2">{`${unpriced} ${unpriced === 1 ? 'line' : 'lines'} not priced`}</Typography>}
      <Typography variant="body2" sx={{ fontWeight: 600 }}>{`Total ${centsText(total)}`}</Typography>
    </Box>
  );
}

/** A work order's lines on its page, with the total of the priced ones. */
export function WorkOrderLinesTable({ workOrder }: { workOrder: WorkOrderFullFragment }) {
  return <PricedLinesTable lines={workOrder.lines} footer={[{ label: 'Total', value: workOrder.total, strong: true }]} />;
}
