import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { seedDemo } from './demo';
import { cloneTemplate, dropDatabase } from '../../../test/database';

let ds: DataSource;
let dbName: string;

beforeAll(async () => {
  const db = await cloneTemplate('seed');
  dbName = db.name;
  ds = createDataSource(db.url, { poolSize: 4 });
  await ds.initialize();
});

afterAll(async () => {
  await ds?.destroy();
  if (dbName) await dropDatabase(dbName);
});

const count = async (table: string): Promise<number> => (await ds.query(`SELECT count(*)::int AS n FROM "${table}"`))[0].n;

describe('the demo seed', () => {
  it('books the demo year all at once: books failing partway leave none, and the next start books them', async () => {
    // The books open work orders last: failing there fails them after a year of postings.
    await ds.query(`CREATE FUNCTION "refuse_for_test"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await ds.query(`CREATE TRIGGER "refuse_for_test" BEFORE INSERT ON "work_orders" FOR EACH ROW EXECUTE FUNCTION "refuse_for_test"()`);
    await expect(seedDemo(ds)).rejects.toThrow('refused for the test');
    expect(await count('users')).toBeGreaterThan(0);
    expect([await count('journal_entries'), await count('invoices'), await count('expenses')]).toEqual([0, 0, 0]);

    await ds.query(`DROP TRIGGER "refuse_for_test" ON "work_orders"`);
    expect(await seedDemo(ds)).toBe(true);
    expect(await count('journal_entries')).toBeGreaterThan(100);
    expect(await count('work_orders')).toBe(8);
    expect(await seedDemo(ds)).toBe(false);
  }, 180_000);
});
