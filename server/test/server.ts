import type { DataSource } from 'typeorm';
import { loadConfig, setConfig } from '../src/config/env';
import { startApp, App } from '../src/app';
import { openTestDataSource } from './database';

export interface TestServer {
  url: string;
  ds: DataSource;
  app: App;
  stop(): Promise<void>;
}

/** The real HTTP + WebSocket server on a free port, against this worker's database. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const cfg = loadConfig({ ...process.env, ...env, NODE_ENV: env.NODE_ENV ?? 'test', LOG_LEVEL: 'silent' });
  setConfig(cfg);
  const ds = await openTestDataSource();
  const app = await startApp(ds, cfg, 0);
  return {
    url: app.url,
    ds,
    app,
    async stop() {
      await app.stop();
      await ds.destroy();
    },
  };
}
