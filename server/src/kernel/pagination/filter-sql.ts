import { badInput } from '../errors/errors';
import { isMoneyString } from '../money';
import { inCalendarRange } from '../calendar-date';
import { isUuid } from '../ids';
import type { ListSpec } from './spec';
import { quote, SqlParams } from './sql';

type Path = (string | number)[];
type FilterObject = Record<string, unknown>;

/** Row scoping for a related table reached by a relation filter: SQL conditions on `alias`. */
export type RelationWhere = (target: ListSpec, alias: string, params: SqlParams) => string[];

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function operatorSql(col: string, cast: string, ops: FilterObject, params: SqlParams, path: Path): string[] {
  const out: string[] = [];
  for (const [op, value] of Object.entries(ops)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    if (cast === 'numeric' && op !== 'isNull' && !values.every(isMoneyString))
      throw badInput([...path, op], 'must be an amount with at most 2 decimals, e.g. "1234.50"');
    if ((cast === 'date' || cast === 'timestamptz') && op !== 'isNull' && !values.every(inCalendarRange))
      throw badInput([...path, op], 'must be a date between the years 1 and 9999');
    // A non-UUID would fail the ::uuid cast in SQL (an internal error); it is the caller's mistake.
    if (cast === 'uuid' && (op === 'eq' || op === 'neq' || op === 'in') && !(Array.isArray(value) ? value : [value]).every(isUuid)) {
      throw badInput([...path, op], 'must be an ID (UUID)');
    }
    switch (op) {
      case 'eq':
        out.push(`${col} = ${params.add(value, cast)}`);
        break;
      case 'neq':
        out.push(`${col} IS DISTINCT FROM ${params.add(value, cast)}`);
        break;
      case 'gt':
        out.push(`${col} > ${params.add(value, cast)}`);
        break;
      case 'gte':
        out.push(`${col} >= ${params.add(value, cast)}`);
        break;
      case 'lt':
        out.push(`${col} < ${params.add(value, cast)}`);
        break;
      case 'lte':
        out.push(`${col} <= ${params.add(value, cast)}`);
        break;
      case 'in':
        if (!Array.isArray(value) || value.length > 500) throw badInput([...path, op], '`in` takes at most 500 values');
        out.push(`${col} = ANY(${params.add(value, `${cast}[]`)})`);
        break;
      case 'contains':
        out.push(`${col} ILIKE '%' || ${params.add(escapeLike(String(value)), 'text')} || '%'`);
        break;
      case 'startsWith':
        out.push(`${col} ILIKE ${params.add(escapeLike(String(value)), 'text')} || '%'`);
        break;
      case 'isNull':
        out.push(value ? `${col} IS NULL` : `${col} IS NOT NULL`);
        break;
      default:
        throw badInput([...path, op], `Unknown filter operator ${op}`);
    }
  }
  return out;
}

/**
 * Turns a filter input (`{ name: { contains: "acme" }, or: [...], owner: { id: { eq } } }`) into
 * a SQL condition on `alias`. Relation filters go one hop, as EXISTS on the related table.
 */
export function filterSql(
  spec: ListSpec,
  alias: string,
  filter: FilterObject | undefined | null,
  params: SqlParams,
  path: Path,
  hop = 0,
  relationWhere?: RelationWhere,
): string {
  if (!filter) return 'TRUE';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null) continue;
    const here = [...path, key];
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) throw badInput(here, `${key} takes a list`);
      if (!value.length) continue;
      const subs = value.map((v, i) => `(${filterSql(spec, alias, v as FilterObject, params, [...here, i], hop, relationWhere)})`);
      parts.push(`(${subs.join(key === 'and' ? ' AND ' : ' OR ')})`);
    } else if (key === 'not') {
      parts.push(`NOT (${filterSql(spec, alias, value as FilterObject, params, here, hop, relationWhere)})`);
    } else if (spec.relations.has(key)) {
      if (hop > 0) throw badInput(here, 'Filters go at most one relation deep');
      const rel = spec.relations.get(key)!;
      const target = rel.target();
      const sub = `r${hop + 1}`;
      const cond = filterSql(target, sub, value as FilterObject, params, here, hop + 1);
      // The related row must be one the caller may see: a filter must not reveal hidden rows.
      const scope = relationWhere ? relationWhere(target, sub, params) : [];
      parts.push(
        `EXISTS (SELECT 1 FROM ${quote(target.table)} ${sub} WHERE ${[`${sub}."id" = ${alias}.${quote(rel.localColumn)}`, cond, ...scope].join(' AND ')})`,
      );
    } else if (spec.columns.has(key)) {
      const c = spec.columns.get(key)!;
      parts.push(...operatorSql(`${alias}.${quote(c.column)}`, c.cast, value as FilterObject, params, here));
    } else {
      throw badInput(here, `Unknown filter field ${key}`);
    }
  }
  return parts.length ? parts.join(' AND ') : 'TRUE';
}
