import { useState, type ReactNode } from 'react';
import { Link as RouterLink, useLocation, useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useCapabilities, type Capabilities } from '../../app/capabilities';
import { PageHeader } from '../../components/PageHeader';
import { isCalendarDate } from '../../components/kit/format';
import { usePageTitle } from '../../components/kit/usePageTitle';

// What the three reports share: their links to one another, dates kept in the address (so a
// reload or a shared link shows the same report), and the date inputs.

export interface ReportLink {
  to: string;
  label: string;
  description: string;
  allowed(caps: Capabilities): boolean;
}

export const REPORTS: ReportLink[] = [
  {
    to: '/reports/trial-balance',
    label: 'Trial balance',
    description: 'Every account with a balance at the end of a day, debits beside credits; the totals are always equal.',
    allowed: (caps) => caps.canRead('LedgerAccount'),
  },
  {
    to: '/reports/profit-and-loss',
    label: 'Profit and loss',
    description: 'Revenue, expenses and net income of a period, with the months side by side.',
    allowed: (caps) => caps.canRead('LedgerAccount'),
  },
  {
    to: '/reports/ar-aging',
    label: 'AR aging',
    description: 'What each customer owes at the end of a day, by how long it is past due.',
    allowed: (caps) => caps.canRead('Invoice'),
  },
];

/** Links between the reports, the one shown marked as current. */
export function ReportNav() {
  const caps = useCapabilities();
  const { pathname } = useLocation();
  return (
    <Box component="nav" aria-label="Reports" sx={{ mb: 2 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {REPORTS.filter((r) => r.allowed(caps)).map((r) => {
          const current = pathname === r.to;
          return (
            <Button
              key={r.to}
              component={RouterLink}
              to={r.to}
              size="small"
              variant={current ? 'contained' : 'outlined'}
              aria-current={current ? 'page' : undefined}
            >
              {r.label}
            </Button>
          );
        })}
      </Stack>
    </Box>
  );
}

/**
 * A day kept in the address (`?asOf=2026-03-31`), `fallback` when there is none. The input shows
 * what is typed; the report follows once it is a whole date.
 */
export function useDayParam(key: string, fallback: () => string): { day: string; input: string; setInput(value: string): void } {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get(key);
  const day = fromUrl && isCalendarDate(fromUrl) ? fromUrl : fallback();
  const [typed, setTyped] = useState<string | null>(null);
  const setInput = (value: string) => {
    setTyped(value);
    if (isCalendarDate(value)) {
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.set(key, value);
          return next;
        },
        { replace: true },
      );
    }
  };
  return { day, input: typed ?? day, setInput };
}

/** A date input of a report ("As of", "From", "To"). */
export function DayInput({ label, value, onChange, error }: { label: string; value: string; onChange(value: string): void; error?: string }) {
  return (
    <TextField
      type="date"
      size="small"
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={!!error || (value !== '' && !isCalendarDate(value))}
      helperText={error ?? ' '}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
}

/** A report's page: its title, the links to the other reports, its inputs, then the report. */
export function ReportFrame({ title, subtitle, controls, children }: { title: string; subtitle: string; controls: ReactNode; children: ReactNode }) {
  usePageTitle(title);
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} />
      <ReportNav />
      <ReportControls>{controls}</ReportControls>
      {children}
    </>
  );
}

/** The inputs above a report. */
function ReportControls({ children }: { children: ReactNode }) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} useFlexGap sx={{ mb: 1, alignItems: { sm: 'flex-start' } }}>
      {children}
    </Stack>
  );
}

/** "2026-01-01": the first day of the year a day is in. */
export const startOfYear = (day: string) => `${day.slice(0, 4)}-01-01`;
