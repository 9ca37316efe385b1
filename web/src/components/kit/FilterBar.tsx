import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import Typography from '@mui/material/Typography';
import { SearchField } from '../SearchField';
import { filterKey, isFiltered, type FilterDef } from './filters';
import { RangeFilter } from './RangeFilter';
import type { ListState } from './useListState';
import type { AnyRecord, KitContext } from './types';

interface Props {
  defs: FilterDef[];
  state: ListState;
  ctx: KitContext;
  sortLabel: string;
  rows: AnyRecord[];
}

/** "Sorted by Name ↑": the sort in use, always in view (the column header shows it too when there is one). */
export function sortText(label: string, direction: 'ASC' | 'DESC'): string {
  return `Sorted by ${label} ${direction === 'ASC' ? '↑' : '↓'}`;
}

/** A list's filters, one control per declared filter, all kept in the URL. */
export function FilterBar({ defs, state, ctx, sortLabel, rows }: Props) {
  const { values, set } = state;
  const controls = defs.map((def) => {
    const key = filterKey(def);
    const raw = values[key];
    switch (def.kind) {
      case 'text':
        return <SearchField key={key} label={def.label} value={raw ?? ''} onChange={(q) => set({ q })} />;
      case 'mine':
        if (def.onlyWithReadAll !== false && ctx.caps.of(ctx.typeName).read !== 'ALL') return null;
        return (
          <ToggleButton
            key={key}
            value="mine"
            size="small"
            selected={raw === '1'}
            onChange={() => set({ mine: raw === '1' ? null : '1' })}
            sx={{ textTransform: 'none', px: 2 }}
          >
            {def.label ?? 'Mine'}
          </ToggleButton>
        );
      case 'enum':
        return <EnumFilter key={key} def={def} raw={raw} onChange={(v) => set({ [key]: v })} />;
      case 'boolean':
        return (
          <TextField
            key={key}
            select
            size="small"
            label={def.label}
            value={raw === def.yes.value || raw === def.no.value ? raw : ''}
            onChange={(e) => set({ [key]: e.target.value || null })}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            sx={{ minWidth: 150 }}
          >
            <MenuItem value="">Any</MenuItem>
            <MenuItem value={def.yes.value}>{def.yes.label}</MenuItem>
            <MenuItem value={def.no.value}>{def.no.label}</MenuItem>
          </TextField>
        );
      case 'moneyRange':
      case 'dateRange':
        return <RangeFilter key={key} def={def} raw={raw} onChange={(v) => set({ [key]: v })} />;
      case 'relation': {
        if (!raw) return null;
        const name = rows.map((r) => def.describe?.(r)).find(Boolean);
        return <Chip key={key} label={`${def.label}: ${name ?? 'one record'}`} onDelete={() => set({ [key]: null })} />;
      }
      case 'trash':
        return (
          <FormControlLabel
            key={key}
            control={<Switch checked={raw === 'trash'} onChange={(e) => set({ view: e.target.checked ? 'trash' : null })} />}
            label="Trash"
          />
        );
    }
  });
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} useFlexGap sx={{ mb: 2, alignItems: { sm: 'center' }, flexWrap: 'wrap' }}>
      {controls}
      {isFiltered(defs, values) && (
        <Button size="small" onClick={state.clear}>
          Clear filters
        </Button>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ ml: { sm: 'auto' } }}>
        {sortText(sortLabel, state.sort.direction)}
      </Typography>
    </Stack>
  );
}

function EnumFilter({ def, raw, onChange }: { def: Extract<FilterDef, { kind: 'enum' }>; raw: string | undefined; onChange(v: string | null): void }) {
  const allowed = def.options.map((o) => o.value);
  const selected = (raw ?? '').split(',').filter((v) => allowed.includes(v));
  const labelOf = (v: string) => def.options.find((o) => o.value === v)?.label ?? v;
  return (
    <TextField
      select
      size="small"
      label={def.label}
      value={selected}
      onChange={(e) => {
        const next = e.target.value as unknown as string[];
        // Kept in the declared order, so the URL does not depend on the order of clicks.
        onChange(allowed.filter((v) => next.includes(v)).join(',') || null);
      }}
      slotProps={{
        select: { multiple: true, displayEmpty: true, renderValue: (v) => ((v as string[]).length ? (v as string[]).map(labelOf).join(', ') : 'All') },
        inputLabel: { shrink: true },
      }}
      sx={{ minWidth: 170, maxWidth: 320 }}
    >
      {def.options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
