import 'reflect-metadata';
import { config, ConfigError } from './config/env';
import { types } from 'pg';
import { createDataSource, migrate } from './db/data-source';
import { manifests } from './application';
import { startJobs } from './jobs';
import { logger } from './kernel/logger';
import { stopModules } from './kernel/modules/load-modules';
import { loadCursorSecret } from './kernel/secrets/server-secrets';

// `npm run worker`: runs background jobs (SMS, ...) in a process of its own, for deployments that
// scale API instances and workers separately. Several workers may run at once.
types.setTypeParser(1082, (v) => v);

async function main() {
  const cfg = config();
  if (!cfg.DATABASE_URL) {
    console.error('npm run worker needs DATABASE_URL (with the embedded database, `npm start` runs the workers itself).');
    process.exit(1);
  }
  const ds = createDataSource(cfg.DATABASE_URL, { poolSize: Math.max(4, cfg.JOB_CONCURRENCY + 2), applicationName: 'converge-worker' });
  await ds.initialize();
  if (cfg.MIGRATE_ON_START) await migrate(ds);
  // A job that pages through a list signs its cursors with the deployment's one secret, as the API does.
  await loadCursorSecret(ds, cfg.CURSOR_SECRET);
  manifests(); // loads every module and registers its event handlers
  const jobs = startJobs(ds, cfg, true);
  console.log(`Converge worker ready (${jobs.mode === 'BULL' ? 'Bull on Redis' : 'in-process from the outbox, no Redis'}; queues: ${jobs.queues.join(', ')})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker shutting down: letting running jobs finish');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await jobs.stop(10_000);
      await stopModules(manifests());
      await ds.destroy();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(`Converge worker failed to start: ${err?.message ?? err}`);
  process.exit(1);
});
