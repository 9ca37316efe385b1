import { createDataSource, migrate } from '../db/data-source';
import { openDatabase } from './database';

// npm run db:migrate — applies pending migrations (under the advisory lock); `-- --revert` undoes the last one.
async function main() {
  const db = await openDatabase();
  if (db.notice) console.error(db.notice);
  const ds = createDataSource(db.url);
  await ds.initialize();
  try {
    if (process.argv.includes('--revert')) {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
    } else {
      const applied = await migrate(ds);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply.');
    }
  } finally {
    await ds.destroy();
    await db.stop();
  }
}
main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
