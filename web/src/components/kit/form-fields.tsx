import type { ReactNode } from 'react';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { moneyInputText, parseMoney } from './money';
import { LinesField } from './LinesField';
import { RecordField, UserField } from './RecordField';
import type { AnyRecord, FormContext } from './types';

export interface FormAccess {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
}

interface BaseField {
  /** The form value's key. */
  name: string;
  label: string;
  /** The API input key (default: the name; pickers: name + "Id"); null: never sent. */
  input?: string | null;
  required?: boolean;
  /** Half the row on wider screens. */
  half?: boolean;
  visible?(ctx: FormContext): boolean;
  disabled?(ctx: FormContext): boolean;
  helperText?(ctx: FormContext, values: Record<string, unknown>): string | undefined;
  /** The value shown when editing a record (default: the record's field of the same name). */
  from?(rec: AnyRecord): unknown;
  /** The value a new record starts with. */
  initial?(ctx: FormContext): unknown;
  autoFocus?: boolean;
  /** Sent only when the user changed it (edits), e.g. a time shown to the minute. */
  onlyChanged?: boolean;
  /** Left out of the input when empty (instead of sending null). */
  omitWhenEmpty?: boolean;
  /** Adjusts other fields when this one changes (e.g. a new account clears its contact). */
  onChange?(value: unknown, previous: unknown, form: FormAccess): void;
}

export interface SelectOption {
  value: string;
  label: string;
}

export type FieldDef = BaseField &
  (
    | { kind: 'text' | 'multiline' | 'email' | 'url'; min?: number; max?: number; rows?: number }
    | { kind: 'password'; min: number; max: number }
    | { kind: 'phone' | 'money' | 'datetime' | 'switch' }
    | { kind: 'int'; min: number; max: number }
    /** An exact decimal such as a quantity or a percentage: at most `decimals` places, within `max`, above zero when `positive`. */
    | { kind: 'decimal'; decimals: number; max?: string; positive?: boolean }
    | { kind: 'date'; future?: boolean }
    | { kind: 'select'; options: SelectOption[] | ((ctx: FormContext) => SelectOption[]) }
    /** A record of another type, searched on the server (the type's picker descriptor). */
    | { kind: 'record'; entity: string; filter?(values: Record<string, unknown>): Record<string, unknown> | undefined }
    /** A user who can hold records (owner, assignee), searched on the server. */
    | { kind: 'user' }
    /** Lines of sub-fields (invoice lines, journal lines): react-hook-form's field array. */
    | {
        kind: 'lines';
        columns: FieldDef[];
        addLabel: string;
        minRows?: number;
        newRow(): Record<string, unknown>;
        /** A rule across one line's checked values (e.g. a debit or a credit, not both); its message lands on `field` of that line. */
        checkLine?(line: Record<string, unknown>): { field: string; message: string } | null;
        /** Shown under the lines and kept current as they are typed (e.g. totals); gets the rows as typed, unchecked. */
        summary?(rows: Record<string, unknown>[]): ReactNode;
        /** Grid columns (of 12) a column takes on wider screens, by name; the others share what is left. */
        widths?: Record<string, number>;
      }
  );

/** The API input key of a field. */
export function inputKey(f: FieldDef): string | null {
  if (f.input !== undefined) return f.input;
  return f.kind === 'record' || f.kind === 'user' ? `${f.name}Id` : f.name;
}

/** A field's value when the form opens: from the record, else the field's initial value, else empty. */
export function initialValue(f: FieldDef, rec: AnyRecord | null, ctx: FormContext): unknown {
  if (rec) {
    const v = f.from ? f.from(rec) : rec[f.name];
    if (f.kind === 'money') return moneyInputText(v as string | null);
    if (f.kind === 'int') return v == null ? '' : String(v);
    if (f.kind === 'switch') return !!v;
    if (f.kind === 'lines') return v ?? [];
    return v ?? (f.kind === 'record' || f.kind === 'user' ? null : '');
  }
  const init = f.initial?.(ctx);
  if (init !== undefined) return init;
  if (f.kind === 'switch') return false;
  if (f.kind === 'lines') return [];
  return f.kind === 'record' || f.kind === 'user' ? null : '';
}

const TYPES: Partial<Record<FieldDef['kind'], string>> = { email: 'email', phone: 'tel', password: 'password', date: 'date', datetime: 'datetime-local' };

/** A plain input: text of any kind, with the check's message under it. */
function InputField({ def, ctx, prefix }: { def: FieldDef; ctx: FormContext; prefix: string }) {
  const { control, getValues, setValue } = useFormContext();
  const { field, fieldState } = useController({ name: `${prefix}${def.name}`, control });
  const values = useWatch({ control, disabled: !def.helperText }) as Record<string, unknown>;
  const help = def.helperText?.(ctx, values ?? getValues());
  const change = (value: unknown) => {
    const previous = field.value;
    field.onChange(value);
    def.onChange?.(value, previous, { get: (n) => getValues(n), set: (n, v) => setValue(n, v, { shouldDirty: true }) });
  };
  const shrink = def.kind === 'date' || def.kind === 'datetime';
  const common = {
    label: def.label,
    required: def.required,
    fullWidth: true,
    margin: 'dense' as const,
    autoFocus: def.autoFocus,
    disabled: def.disabled?.(ctx),
    error: !!fieldState.error,
    helperText: fieldState.error?.message ?? help ?? ' ',
    name: field.name,
    inputRef: field.ref,
    value: (field.value as string | undefined) ?? '',
  };
  if (def.kind === 'select') {
    const options = typeof def.options === 'function' ? def.options(ctx) : def.options;
    return (
      <TextField select {...common} onChange={(e) => change(e.target.value)} onBlur={field.onBlur}>
        {options.map((o) => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  return (
    <TextField
      {...common}
      type={TYPES[def.kind] ?? 'text'}
      multiline={def.kind === 'multiline'}
      minRows={def.kind === 'multiline' ? (def.rows ?? 2) : undefined}
      autoComplete={def.kind === 'password' ? 'new-password' : undefined}
      slotProps={{
        inputLabel: shrink ? { shrink: true } : undefined,
        htmlInput: def.kind === 'money' || def.kind === 'decimal' ? { inputMode: 'decimal' } : def.kind === 'int' ? { inputMode: 'numeric' } : undefined,
      }}
      onChange={(e) => change(e.target.value)}
      onBlur={() => {
        // An amount reads back in the user's notation once typed ("12000" → "12,000.00").
        if (def.kind === 'money') {
          const parsed = parseMoney(String(field.value ?? ''));
          if (parsed.ok) field.onChange(moneyInputText(parsed.value));
        }
        field.onBlur();
      }}
    />
  );
}

function SwitchField({ def, ctx, prefix }: { def: FieldDef; ctx: FormContext; prefix: string }) {
  const { control } = useFormContext();
  const { field } = useController({ name: `${prefix}${def.name}`, control });
  return (
    <FormControlLabel
      sx={{ mt: 1 }}
      control={<Switch checked={!!field.value} onChange={(e) => field.onChange(e.target.checked)} disabled={def.disabled?.(ctx)} />}
      label={def.label}
    />
  );
}

/** One field by its kind. `prefix` addresses fields inside a line ("lines.0."). */
export function FormField({ def, ctx, prefix = '' }: { def: FieldDef; ctx: FormContext; prefix?: string }): ReactNode {
  switch (def.kind) {
    case 'record':
      return <RecordField def={def} ctx={ctx} prefix={prefix} />;
    case 'user':
      return <UserField def={def} ctx={ctx} prefix={prefix} />;
    case 'switch':
      return <SwitchField def={def} ctx={ctx} prefix={prefix} />;
    case 'lines':
      return <LinesField def={def} renderField={(d, p) => <FormField def={d} ctx={ctx} prefix={p} />} />;
    default:
      return <InputField def={def} ctx={ctx} prefix={prefix} />;
  }
}

/** The fields in a responsive grid: full rows, or halves side by side on wider screens. */
export function FormFields({ fields, ctx }: { fields: FieldDef[]; ctx: FormContext }) {
  return (
    <Grid container columnSpacing={2}>
      {fields.map((f) => (
        <Grid key={f.name} size={f.half ? { xs: 12, sm: 6 } : 12}>
          <FormField def={f} ctx={ctx} />
        </Grid>
      ))}
    </Grid>
  );
}
