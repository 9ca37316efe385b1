import { fieldErrors, fieldName, type UserFacingError } from '../../app/errors';
import { inputKey, type FieldDef } from './form-fields';

type LinesField = Extract<FieldDef, { kind: 'lines' }>;

/** The lines field and column an error path points into (`input.lines.3.quantity`); null when it is not about a line. */
function lineOf(path: unknown[], lines: LinesField[]): { field: LinesField; column: FieldDef | undefined } | null {
  for (let i = 0; i < path.length - 1; i++) {
    const field = lines.find((f) => (inputKey(f) ?? f.name) === path[i]);
    const row = path[i + 1];
    if (!field || !(typeof row === 'number' || (typeof row === 'string' && /^\d+$/.test(row)))) continue;
    const key = path[i + 2];
    return { field, column: field.columns.find((c) => (inputKey(c) ?? c.name) === key || c.name === key) };
  }
  return null;
}

/**
 * Line errors come back by position (`input.lines.1.quantity`); the form names the problem instead,
 * in one sentence above the fields ("A line needs attention: Quantity must be above zero"), as the
 * lines are checked before sending. A message about a value gets its column's label; one that is
 * already a sentence (a capital first) stands as it is. Other field errors stay as they were.
 */
export function explainLineErrors(err: unknown, error: UserFacingError, fields: FieldDef[]): UserFacingError {
  const lines = fields.filter((f): f is LinesField => f.kind === 'lines');
  if (!lines.length) return error;
  const said = new Map<FieldDef | undefined, string>();
  const rest: Record<string, string> = {};
  for (const { path, message } of fieldErrors(err)) {
    const at = lineOf(path, lines);
    if (at) {
      if (!said.has(at.column)) said.set(at.column, message);
      continue;
    }
    const name = fieldName(path);
    if (name !== undefined && !rest[name]) rest[name] = message;
  }
  if (!said.size) return error;
  // In the order of the columns; a column the form does not show, last.
  const order = lines.flatMap((f) => f.columns);
  const sentence = [...said]
    .sort(([a], [b]) => (a ? order.indexOf(a) : order.length) - (b ? order.indexOf(b) : order.length))
    .map(([column, message]) => (column && /^[a-z]/.test(message) ? `${column.label} ${message}` : message));
  return { ...error, message: `A line needs attention: ${sentence.join('; ')}`, fields: rest };
}
