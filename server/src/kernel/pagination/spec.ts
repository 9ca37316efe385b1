import type { DataSource, EntityMetadata } from 'typeorm';

export interface ColumnInfo {
  column: string;
  nullable: boolean;
  /** SQL type to cast parameters to, e.g. `timestamptz` or `"deal_stage"`. */
  cast: string;
}

export interface RelationInfo {
  target: () => ListSpec;
  /** Column on this table holding the related row's id. */
  localColumn: string;
}

/** What the list builder needs to know about an entity's table, derived from TypeORM metadata. */
export interface ListSpec {
  typeName: string;
  table: string;
  entity: Function;
  columns: Map<string, ColumnInfo>;
  relations: Map<string, RelationInfo>;
  selectList: string;
  /** The selected columns (column name = property name), for hydrating rows. */
  selectColumns: string[];
  softDelete: boolean;
}

const cache = new WeakMap<Function, ListSpec>();

function castOf(meta: EntityMetadata, prop: string): string {
  const col = meta.findColumnWithPropertyName(prop)!;
  if (col.type === 'enum') return `"${col.enumName}"`;
  const t = typeof col.type === 'string' ? col.type : 'text';
  if (col.isVersion) return 'int';
  if (col.isCreateDate || col.isUpdateDate || col.isDeleteDate) return 'timestamptz';
  if (t === 'numeric') return 'numeric';
  if (t === 'int' || t === 'integer') return 'int';
  return t;
}

export function specOf(ds: DataSource, entity: Function): ListSpec {
  const hit = cache.get(entity);
  if (hit) return hit;
  const meta = ds.getMetadata(entity);
  const columns = new Map<string, ColumnInfo>();
  for (const c of meta.columns) {
    columns.set(c.propertyName, { column: c.databaseName, nullable: c.isNullable, cast: castOf(meta, c.propertyName) });
  }
  const relations = new Map<string, RelationInfo>();
  for (const r of meta.relations) {
    if (!r.isManyToOne) continue;
    const target = r.inverseEntityMetadata.target as Function;
    relations.set(r.propertyName, { target: () => specOf(ds, target), localColumn: r.joinColumns[0].databaseName });
  }
  const selectList = meta.columns
    .filter((c) => c.isSelect)
    .map((c) => `t."${c.databaseName}"`)
    .join(', ');
  const spec: ListSpec = {
    typeName: meta.name,
    table: meta.tableName,
    entity,
    columns,
    relations,
    selectList,
    selectColumns: meta.columns.filter((c) => c.isSelect).map((c) => c.databaseName),
    softDelete: !!meta.deleteDateColumn,
  };
  cache.set(entity, spec);
  return spec;
}
