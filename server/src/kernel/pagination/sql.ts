/** Collects positional parameters while SQL text is assembled. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are shaped by each query's SQL
  query(sql: string, params?: unknown[]): Promise<any>;
}

export const quote = (ident: string) => `"${ident.replace(/"/g, '""')}"`;
