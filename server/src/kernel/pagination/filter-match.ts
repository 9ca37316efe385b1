import { isUuid } from '../ids';

type Ops = Record<string, unknown>;

function cmp(a: unknown, b: unknown): number {
  // IDs compare as PostgreSQL compares uuids: case-insensitively.
  if (isUuid(a) && isUuid(b)) {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  const x = a instanceof Date ? a.getTime() : typeof a === 'string' && !isNaN(Date.parse(a)) && b instanceof Date ? Date.parse(a) : a;
  const y = b instanceof Date ? b.getTime() : b;
  return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
}

function matchOps(value: unknown, ops: Ops): boolean {
  for (const [op, want] of Object.entries(ops)) {
    if (want === undefined || want === null) continue;
    switch (op) {
      case 'eq':
        if (cmp(value, want) !== 0) return false;
        break;
      case 'neq':
        if (cmp(value, want) === 0) return false;
        break;
      case 'in':
        if (!(want as unknown[]).some((w) => cmp(value, w) === 0)) return false;
        break;
      case 'gt':
        if (!(cmp(value, want) > 0)) return false;
        break;
      case 'gte':
        if (!(cmp(value, want) >= 0)) return false;
        break;
      case 'lt':
        if (!(cmp(value, want) < 0)) return false;
        break;
      case 'lte':
        if (!(cmp(value, want) <= 0)) return false;
        break;
      case 'contains':
        if (
          !String(value ?? '')
            .toLowerCase()
            .includes(String(want).toLowerCase())
        )
          return false;
        break;
      case 'startsWith':
        if (
          !String(value ?? '')
            .toLowerCase()
            .startsWith(String(want).toLowerCase())
        )
          return false;
        break;
      case 'isNull':
        if ((value == null) !== want) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Evaluates a filter input against an in-memory object (subscription filters); no relation hops. */
export function matchesFilter(obj: Record<string, unknown>, filter: Record<string, unknown> | null | undefined): boolean {
  if (!filter) return true;
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    if (key === 'and' && !(value as Ops[]).every((f) => matchesFilter(obj, f))) return false;
    else if (key === 'or' && (value as Ops[]).length && !(value as Ops[]).some((f) => matchesFilter(obj, f))) return false;
    else if (key === 'not' && matchesFilter(obj, value as Ops)) return false;
    else if (!['and', 'or', 'not'].includes(key) && !matchOps(obj[key], value as Ops)) return false;
  }
  return true;
}
