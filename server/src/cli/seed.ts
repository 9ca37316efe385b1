import { config } from '../config/env';
import { createDataSource, migrate } from '../db/data-source';
import { bootstrapAdmin, DEMO_PASSWORD, seedDemo } from '../db/seed/demo';
import { openDatabase } from './database';

// npm run db:seed — seeds the demo dataset into an empty database (or the bootstrap admin).
async function main() {
  const cfg = config();
  const db = await openDatabase();
  if (db.notice) console.error(db.notice);
  const ds = createDataSource(db.url);
  await ds.initialize();
  try {
    await migrate(ds);
    if (cfg.ADMIN_EMAIL && cfg.ADMIN_PASSWORD)
      console.log((await bootstrapAdmin(ds, cfg.ADMIN_EMAIL, cfg.ADMIN_PASSWORD)) ? 'Admin created.' : 'Database not empty; nothing seeded.');
    else console.log((await seedDemo(ds)) ? `Demo data seeded (password ${DEMO_PASSWORD}).` : 'Database not empty; nothing seeded.');
  } finally {
    await ds.destroy();
    await db.stop();
  }
}
main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
