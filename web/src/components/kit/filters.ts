import { isCalendarDate } from './format';
import { parseMoney } from './money';

/* A list's filters: declared per entity, kept in the URL (so reload, back and a shared link keep
   them), and turned into the API's structured filter. */

type Filter = Record<string, unknown>;

export interface FilterOption {
  value: string;
  label: string;
}

export type FilterDef =
  /** Free text (`?q=`): the entity says which fields it searches. */
  | { kind: 'text'; label: string; toFilter(text: string): Filter }
  /** "Mine" in one click (`?mine=1`): the owner is the signed-in user, unless the entity says otherwise. */
  | { kind: 'mine'; label?: string; toFilter?(meId: string): Filter; onlyWithReadAll?: boolean }
  /** Several values of an enum (`?stage=PROPOSAL,NEGOTIATION` → `{ stage: { in: [...] } }`). */
  | { kind: 'enum'; key: string; label: string; field: string; options: FilterOption[] }
  /** An amount range (`?amount=1000..5000` → `{ amount: { gte, lte } }`). */
  | { kind: 'moneyRange'; key: string; label: string; field: string }
  /** A date range (`?close=2026-01-01..2026-03-31`); `instant` for date-time fields (whole days, local time). */
  | { kind: 'dateRange'; key: string; label: string; field: string; instant?: boolean }
  /** Yes or no (`?status=active` → `{ active: { eq: true } }`). */
  | { kind: 'boolean'; key: string; label: string; field: string; yes: FilterOption; no: FilterOption; toFilter?(yes: boolean): Filter }
  /** One related record, usually from a link (`?contact=<id>` → `{ contact: { id: { eq } } }`). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  | { kind: 'relation'; key: string; label: string; field: string; describe?(row: any): string | undefined }
  /** The trash (`?view=trash` → `{ deletedAt: { isNull: false } }`). */
  | { kind: 'trash' };

export function filterKey(def: FilterDef): string {
  switch (def.kind) {
    case 'text':
      return 'q';
    case 'mine':
      return 'mine';
    case 'trash':
      return 'view';
    default:
      return def.key;
  }
}

/** The filters' raw values, as the URL has them (unknown or empty ones left out). */
export type FilterValues = Record<string, string>;

export function readFilterValues(defs: FilterDef[], params: URLSearchParams): FilterValues {
  const values: FilterValues = {};
  for (const def of defs) {
    const key = filterKey(def);
    const raw = params.get(key);
    if (raw != null && raw !== '') values[key] = raw;
  }
  return values;
}

export function splitRange(raw: string | undefined): [string, string] {
  if (!raw) return ['', ''];
  const at = raw.indexOf('..');
  return at < 0 ? [raw, ''] : [raw.slice(0, at), raw.slice(at + 2)];
}

export function joinRange(from: string, to: string): string | null {
  return from || to ? `${from}..${to}` : null;
}

function enumValues(def: Extract<FilterDef, { kind: 'enum' }>, raw: string): string[] {
  const allowed = new Set(def.options.map((o) => o.value));
  return raw.split(',').filter((v) => allowed.has(v));
}

function dayBound(day: string, end: boolean): string {
  return new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`).toISOString();
}

function piece(def: FilterDef, raw: string, meId: string): Filter | null {
  switch (def.kind) {
    case 'text':
      return raw.trim() ? def.toFilter(raw.trim()) : null;
    case 'mine':
      return raw === '1' ? (def.toFilter?.(meId) ?? { owner: { id: { eq: meId } } }) : null;
    case 'trash':
      return raw === 'trash' ? { deletedAt: { isNull: false } } : null;
    case 'enum': {
      const values = enumValues(def, raw);
      return values.length ? { [def.field]: { in: values } } : null;
    }
    case 'boolean': {
      if (raw !== def.yes.value && raw !== def.no.value) return null;
      const yes = raw === def.yes.value;
      return def.toFilter ? def.toFilter(yes) : { [def.field]: { eq: yes } };
    }
    case 'relation':
      return { [def.field]: { id: { eq: raw } } };
    case 'moneyRange': {
      const [from, to] = splitRange(raw).map((v) => parseMoney(v));
      const range: Filter = {};
      if (from.ok) range.gte = from.value;
      if (to.ok) range.lte = to.value;
      return Object.keys(range).length ? { [def.field]: range } : null;
    }
    case 'dateRange': {
      const [from, to] = splitRange(raw);
      const range: Filter = {};
      if (isCalendarDate(from)) range.gte = def.instant ? dayBound(from, false) : from;
      if (isCalendarDate(to)) range.lte = def.instant ? dayBound(to, true) : to;
      return Object.keys(range).length ? { [def.field]: range } : null;
    }
  }
}

/** Pieces side by side when their keys differ, else all of them under `and`. */
function combine(pieces: Filter[]): Filter {
  const out: Filter = {};
  for (const p of pieces) {
    for (const k of Object.keys(p)) {
      if (k in out) return { and: pieces };
      out[k] = p[k];
    }
  }
  return out;
}

/** The API filter for the values in the URL. */
export function buildFilter(defs: FilterDef[], values: FilterValues, meId: string): Filter {
  const pieces: Filter[] = [];
  for (const def of defs) {
    const raw = values[filterKey(def)];
    if (raw == null) continue;
    const p = piece(def, raw, meId);
    if (p) pieces.push(p);
  }
  return combine(pieces);
}

/** Whether any filter narrows the list (the trash is a view, not a filter). */
export function isFiltered(defs: FilterDef[], values: FilterValues): boolean {
  return defs.some((d) => d.kind !== 'trash' && values[filterKey(d)] != null);
}
