import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import Redis from 'ioredis';

// Redis for tests. The shared one (REDIS_URL, 127.0.0.1:6379 or a redis-server started by the
// global setup) is used with a key prefix per jest worker; tests that stop or restart Redis
// start a private redis-server on a free port with `startRedisServer()`.

/** The Redis every test of this run shares (resolved by the global setup). */
export function sharedRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is not set: the jest global setup resolves it');
  return url;
}

/** A key prefix unique to this run and jest worker (plus an optional suffix per test). */
export function workerRedisPrefix(suffix = ''): string {
  return `ct${process.env.TEST_RUN_ID ?? process.pid}w${process.env.JEST_WORKER_ID ?? '1'}${suffix ? `:${suffix}` : ''}`;
}

export function redisServerBinary(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function pingRedis(url: string, timeoutMs = 1000): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server (SIGKILL-free shutdown: it keeps nothing on disk). */
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL), as a crash would: whatever it held is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
}

/** A private redis-server on a free port, for tests that stop or restart Redis. */
export async function startRedisServer(): Promise<RedisServer> {
  const bin = redisServerBinary();
  if (!bin) throw new Error('redis-server is not on PATH: install it (apt-get install -y redis-server)');
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
      stdio: 'ignore',
    });
    const deadline = Date.now() + 10_000;
    while (!(await pingRedis(url, 200))) {
      if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const end = (signal: NodeJS.Signals) => async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill(signal);
    });
  };
  await start();
  return { url, port, start, stop: end('SIGTERM'), kill: end('SIGKILL') };
}
