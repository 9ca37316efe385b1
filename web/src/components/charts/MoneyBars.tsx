import { BarChart } from '@mui/x-charts/BarChart';
import Box from '@mui/material/Box';
import { formatMoney } from '../kit/money';

// Bar heights are for drawing only; the figures a person reads (tooltips, the tables beside the
// charts) are the server's decimal strings, formatted — never float arithmetic. The chart library
// loads with the screens that draw charts (import this module from them only, not the app shell).

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/** A money axis's ticks: "$1.2K". */
export const axisMoney = (v: number | null) => (v == null ? '' : `$${compact.format(v)}`);

export interface MoneySeries {
  label: string;
  values: string[];
  color: string;
}

/** Amounts by category as bars, one colour per series; hidden from screen readers, who get a table. */
export function MoneyBars({ categories, series, height = 240 }: { categories: string[]; series: MoneySeries[]; height?: number }) {
  return (
    <Box aria-hidden>
      <BarChart
        height={height}
        xAxis={[{ scaleType: 'band', data: categories }]}
        yAxis={[{ valueFormatter: axisMoney, width: 56 }]}
        series={series.map((s) => ({
          data: s.values.map(Number),
          label: s.label,
          color: s.color,
          valueFormatter: (_v: number | null, { dataIndex }: { dataIndex: number }) => formatMoney(s.values[dataIndex]),
        }))}
        hideLegend={series.length < 2}
        disableKeyboardNavigation
        margin={{ left: 8, right: 8, top: 16, bottom: 8 }}
      />
    </Box>
  );
}
