import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import Box from '@mui/material/Box';
import { useTheme } from '@mui/material/styles';
import type { DealStage } from '../../gql/graphql';
import { axisMoney } from '../../components/charts/MoneyBars';
import { monthLabel } from '../../components/charts/month-label';
import { formatMoney } from '../../components/kit/format';
import { dealStageLabel } from '../deals/stages';

// Chart heights and values are for drawing only; every figure a person reads (tooltips, the data
// tables) is the server's decimal string, formatted — never float arithmetic.

export function StageBarChart({ rows }: { rows: { stage: DealStage; count: number; amount: string }[] }) {
  const theme = useTheme();
  return (
    // Screen readers get the data table next to the chart (same figures, exact amounts).
    <Box aria-hidden>
      <BarChart
        height={260}
        xAxis={[{ scaleType: 'band', data: rows.map((r) => dealStageLabel(r.stage)) }]}
        yAxis={[{ valueFormatter: axisMoney, width: 56 }]}
        series={[
          {
            data: rows.map((r) => Number(r.amount)),
            label: 'Amount',
            color: theme.palette.primary.main,
            valueFormatter: (_v, { dataIndex }) => `${formatMoney(rows[dataIndex].amount)} · ${rows[dataIndex].count} deals`,
          },
        ]}
        hideLegend
        disableKeyboardNavigation
        margin={{ left: 8, right: 8, top: 16, bottom: 8 }}
      />
    </Box>
  );
}

export function WonLineChart({ rows }: { rows: { month: string; count: number; amount: string }[] }) {
  const theme = useTheme();
  return (
    <Box aria-hidden>
      <LineChart
        height={260}
        xAxis={[{ scaleType: 'point', data: rows.map((r) => monthLabel(r.month)) }]}
        yAxis={[{ valueFormatter: axisMoney, width: 56 }]}
        series={[
          {
            data: rows.map((r) => Number(r.amount)),
            label: 'Won',
            area: true,
            curve: 'linear',
            showMark: true,
            color: theme.palette.success.main,
            valueFormatter: (_v, { dataIndex }) => `${formatMoney(rows[dataIndex].amount)} · ${rows[dataIndex].count} deals`,
          },
        ]}
        hideLegend
        disableKeyboardNavigation
        margin={{ left: 8, right: 16, top: 16, bottom: 8 }}
      />
    </Box>
  );
}
