import { useState, type FormEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Popover from '@mui/material/Popover';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { joinRange, splitRange, type FilterDef } from './filters';
import { formatDate } from './format';
import { formatMoney, parseMoney } from './money';

type RangeDef = Extract<FilterDef, { kind: 'moneyRange' | 'dateRange' }>;

function bound(def: RangeDef, text: string): { value: string; error?: string } {
  if (!text.trim()) return { value: '' };
  if (def.kind === 'dateRange') return { value: text };
  const parsed = parseMoney(text);
  return parsed.ok ? { value: parsed.value } : { value: text, error: parsed.message };
}

function summary(def: RangeDef, raw: string): string {
  const show = (v: string) => (def.kind === 'moneyRange' ? formatMoney(v) : formatDate(v));
  const [from, to] = splitRange(raw);
  if (from && to) return `${show(from)} – ${show(to)}`;
  return from ? `from ${show(from)}` : `up to ${show(to)}`;
}

/** An amount or date range: a button showing the range, opening two fields (either may stay empty). */
export function RangeFilter({ def, raw, onChange }: { def: RangeDef; raw: string | undefined; onChange(value: string | null): void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  // The popover is mounted on the first opening and kept after, so it can fade out: a list's first
  // render does not build one per range filter that nobody has opened.
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<[string, string]>(['', '']);
  const [errors, setErrors] = useState<[string?, string?]>([]);
  const open = (el: HTMLElement) => {
    setDraft(splitRange(raw));
    setErrors([]);
    setAnchor(el);
    setOpened(true);
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const [from, to] = [bound(def, draft[0]), bound(def, draft[1])];
    if (from.error || to.error) return setErrors([from.error, to.error]);
    onChange(joinRange(from.value, to.value));
    setAnchor(null);
  };
  const field = (i: 0 | 1, label: string) => (
    <TextField
      size="small"
      label={label}
      type={def.kind === 'dateRange' ? 'date' : 'text'}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: def.kind === 'moneyRange' ? { inputMode: 'decimal' } : undefined }}
      value={draft[i]}
      onChange={(e) => setDraft((d) => (i === 0 ? [e.target.value, d[1]] : [d[0], e.target.value]))}
      error={!!errors[i]}
      helperText={errors[i] ?? ' '}
      autoFocus={i === 0}
    />
  );
  return (
    <>
      <Button variant={raw ? 'contained' : 'outlined'} size="small" aria-haspopup="dialog" onClick={(e) => open(e.currentTarget)}>
        {`${def.label}: ${raw ? summary(def, raw) : 'any'}`}
      </Button>
      {opened && (
        <Popover
          open={!!anchor}
          anchorEl={anchor}
          onClose={() => setAnchor(null)}
          anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
          slotProps={{ paper: { role: 'dialog', 'aria-label': def.label } }}
        >
          <Box component="form" onSubmit={apply} noValidate sx={{ p: 2 }}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
              {field(0, `${def.label} from`)}
              {field(1, `${def.label} to`)}
            </Stack>
            <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
              <Button
                onClick={() => {
                  onChange(null);
                  setAnchor(null);
                }}
              >
                Clear
              </Button>
              <Button type="submit" variant="contained">
                Apply
              </Button>
            </Stack>
          </Box>
        </Popover>
      )}
    </>
  );
}
