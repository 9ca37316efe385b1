import 'reflect-metadata';
import { config, ConfigError } from './config/env';
import { openDatabase } from './cli/database';
import { createDataSource, migrate } from './db/data-source';
import { bootstrapAdmin, DEMO_PASSWORD, DEMO_USERS, seedDemo } from './db/seed/demo';
import { logger } from './kernel/logger';
import { startApp } from './app';
import { manifests } from './application';
import { stopModules } from './kernel/modules/load-modules';
import { startJobs } from './jobs';

async function main() {
  // Forked by another process (the benchmarks): stop when that process goes, however it ends.
  let onParentGone: () => void = () => process.exit(1);
  if (process.connected) process.once('disconnect', () => onParentGone());
  const cfg = config();
  const db = await openDatabase();
  const ds = createDataSource(db.url);
  await ds.initialize();
  if (cfg.MIGRATE_ON_START) {
    const applied = await migrate(ds);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  }
  let seeded = false;
  if (cfg.ADMIN_EMAIL && cfg.ADMIN_PASSWORD) await bootstrapAdmin(ds, cfg.ADMIN_EMAIL, cfg.ADMIN_PASSWORD);
  else if (db.embedded) seeded = await seedDemo(ds);

  const app = await startApp(ds, cfg);
  // `npm start` also runs the job workers in this process; `npm run start:api` (--api-only) leaves
  // them to `npm run worker` and, with Redis, only hands committed jobs over to the queues.
  const apiOnly = process.argv.includes('--api-only');
  const jobs = startJobs(ds, cfg, !apiOnly);
  const base = app.url.replace('127.0.0.1', 'localhost');
  const lines = [`Converge is ready: open ${base.replace(/\/graphql$/, '/')} (GraphQL API at ${base})`];
  lines.push(
    apiOnly
      ? `Jobs: handed to workers (${jobs.mode === 'BULL' ? 'Bull on Redis' : 'in-process runners'}; run npm run worker)`
      : `Jobs: run in this process (${jobs.mode === 'BULL' ? 'Bull on Redis' : 'in-process, no Redis'})`,
  );
  if (db.notice) lines.push(db.notice);
  if (db.embedded) {
    lines.push(seeded ? 'Demo data seeded. Demo logins (password: ' + DEMO_PASSWORD + '):' : `Demo logins (password: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) lines.push(`  ${u.role.padEnd(14)} ${u.email}`);
  }
  console.log(lines.join('\n'));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining HTTP, websockets and running jobs');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await Promise.all([app.stop(), jobs.stop(10_000)]);
      await stopModules(manifests());
      await ds.destroy();
      await db.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  onParentGone = () => void shutdown('disconnect');
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(`Converge failed to start: ${err?.message ?? err}`);
  process.exit(1);
});
