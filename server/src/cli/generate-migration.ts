import fs from 'node:fs';
import path from 'node:path';
import { createDataSource, migrate } from '../db/data-source';
import { openDatabase } from './database';

// Usage: npm run db:migration:generate -- <Name>
// Applies pending migrations, diffs the entities against the database and writes a reviewed-to-be
// migration into src/db/migrations (both directions).
async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Give the migration a PascalCase name');
  const db = await openDatabase();
  const ds = createDataSource(db.url);
  await ds.initialize();
  try {
    await migrate(ds);
    const sql = await ds.driver.createSchemaBuilder().log();
    if (!sql.upQueries.length) {
      console.log('No changes: the entities match the database.');
      return;
    }
    const stamp = Date.now();
    const q = (s: string) => '`' + s.replace(/`/g, '\\`') + '`';
    const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
    const down = sql.downQueries
      .reverse()
      .map((x) => `    await queryRunner.query(${q(x.query)});`)
      .join('\n');
    const file = path.join(__dirname, '..', '..', 'src', 'db', 'migrations', `${stamp}-${name}.ts`);
    fs.writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${stamp} implements MigrationInterface {\n  name = '${name}${stamp}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await ds.destroy();
    await db.stop();
  }
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
