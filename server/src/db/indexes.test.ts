import { GraphQLInputObjectType, getNamedType, isEnumType, isInputObjectType } from 'graphql';
import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../../test/database';
import { recordKinds } from '../application';
import { buildBareSchema } from '../schema';
import { camel } from '../kernel/pagination/list';

// Every foreign key, and every field a list offers to filter or sort on, is backed by an index
// whose first column it is (or a GIN index covering it), so no list query needs a full scan.
let ds: DataSource;
beforeAll(async () => {
  ds = await openTestDataSource(2);
});
afterAll(async () => {
  await ds.destroy();
});

// Every list the kit offers (and the activity log's filter).
function lists(): Record<string, { table: string; filter: string; sort?: string }> {
  const out: Record<string, { table: string; filter: string; sort?: string }> = {
    ActivityLog: { table: 'activity_log', filter: 'ActivityFilter' },
  };
  for (const k of recordKinds()) {
    if (!k.capabilities.list) continue;
    out[k.typeName] = {
      table: ds.getMetadata(k.entity).tableName,
      filter: `${k.typeName}Filter`,
      sort: k.listInputs().SortField ? `${k.typeName}SortField` : undefined,
    };
  }
  return out;
}

async function indexedColumns(table: string): Promise<{ leading: Set<string>; any: Set<string> }> {
  const rows: { indexdef: string }[] = await ds.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1`, [table]);
  const leading = new Set<string>();
  const any = new Set<string>();
  for (const { indexdef } of rows) {
    // "CREATE INDEX x ON public.t USING btree (name, id)" — camelCase names come quoted.
    const body = indexdef.slice(indexdef.indexOf('(', indexdef.indexOf(' USING ')) + 1, indexdef.lastIndexOf(')'));
    const first = /^\s*"?([A-Za-z]+)"?/.exec(body)?.[1];
    if (first && !body.trimStart().match(/^[a-z_]+\(/)) leading.add(first);
    if (/USING gin/.test(indexdef) || /^\s*lower\(/.test(body)) {
      for (const m of body.matchAll(/"([A-Za-z]+)"|\b([a-z][A-Za-z]*)\b(?!\s*\()/g)) any.add(m[1] ?? m[2]);
    }
  }
  return { leading, any };
}

describe('indexes', () => {
  it('back every foreign key', async () => {
    const fks: { table: string; column: string }[] = await ds.query(`
      SELECT c.conrelid::regclass::text AS table, a.attname AS column
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f'`);
    expect(fks.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const fk of fks) {
      const { leading } = await indexedColumns(fk.table.replace(/"/g, ''));
      if (!leading.has(fk.column)) missing.push(`${fk.table}.${fk.column}`);
    }
    expect(missing).toEqual([]);
  });

  it('back every filter and sort field the lists offer', async () => {
    const schema = buildBareSchema();
    const LISTS = lists();
    expect(Object.keys(LISTS)).toEqual(expect.arrayContaining(['Account', 'Contact', 'Deal', 'Interaction', 'User', 'ApiKey', 'Task']));
    const missing: string[] = [];
    for (const [type, list] of Object.entries(LISTS)) {
      const { leading, any } = await indexedColumns(list.table);
      const covered = (column: string) => leading.has(column) || any.has(column) || column === 'id';
      const filter = schema.getType(list.filter) as GraphQLInputObjectType;
      for (const field of Object.values(filter.getFields())) {
        if (['and', 'or', 'not'].includes(field.name)) continue;
        const named = getNamedType(field.type);
        // Relation filters (owner, account, ...) use the foreign key, checked above.
        if (isInputObjectType(named) && LISTS[named.name.replace(/Filter$/, '')]) continue;
        const column = field.name;
        if (!covered(column)) missing.push(`${type} filter ${column}`);
      }
      if (list.sort) {
        const sort = schema.getType(list.sort);
        if (!isEnumType(sort)) throw new Error(`${list.sort} is not an enum`);
        for (const v of sort.getValues()) if (!covered(camel(v.name))) missing.push(`${type} sort ${v.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
