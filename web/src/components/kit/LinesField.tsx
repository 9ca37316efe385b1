import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import type { ReactNode } from 'react';
import type { FieldDef } from './form-fields';

type LinesDef = Extract<FieldDef, { kind: 'lines' }>;

/** The lines' summary, re-rendered alone as the user types (the lines themselves do not re-render). */
function LinesSummary({ lines }: { lines: LinesDef }) {
  const { control } = useFormContext();
  const rows = (useWatch({ control, name: lines.name }) ?? []) as Record<string, unknown>[];
  return <Box sx={{ mt: 1 }}>{lines.summary!(rows)}</Box>;
}

/** Line items (invoice lines, journal lines): each line's fields are rendered by `renderField` (the form's own field renderer). */
export function LinesField({ def, renderField }: { def: FieldDef; renderField(def: FieldDef, prefix: string): ReactNode }) {
  const lines = def as LinesDef;
  const { control, formState } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name: lines.name });
  const error = formState.errors[lines.name] as { message?: string; root?: { message?: string } } | undefined;
  const message = error?.message ?? error?.root?.message;
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 1 }}>
      <Typography component="legend" variant="subtitle2">
        {lines.label}
      </Typography>
      {fields.map((row, i) => (
        <Grid container key={row.id} columnSpacing={1} sx={{ alignItems: 'flex-start' }}>
          {lines.columns.map((c) => (
            <Grid key={c.name} size={{ xs: 12, sm: lines.widths?.[c.name] ?? 'grow' }}>
              {/* Each line's fields carry the line number, so their names stay distinct. */}
              {renderField({ ...c, label: `${c.label} ${i + 1}`, autoFocus: false }, `${lines.name}.${i}.`)}
            </Grid>
          ))}
          <Grid size="auto" sx={{ pt: 2 }}>
            <IconButton aria-label={`Remove line ${i + 1}`} onClick={() => remove(i)}>
              <DeleteIcon />
            </IconButton>
          </Grid>
        </Grid>
      ))}
      <Button size="small" onClick={() => append(lines.newRow())}>
        {lines.addLabel}
      </Button>
      {message && <FormHelperText error>{message}</FormHelperText>}
      {lines.summary && <LinesSummary lines={lines} />}
    </Box>
  );
}
