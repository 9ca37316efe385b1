import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

// The only reader of process.env. Everything else imports `config`.
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

/** Which X-Forwarded-For entries to believe: none, the number of proxies in front, or their addresses. */
export type TrustProxy = false | number | string[];

export const TRUSTED_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;

function isProxyAddress(entry: string): boolean {
  if ((TRUSTED_PROXY_NAMES as readonly string[]).includes(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || address.includes('%') || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

// `true` would believe whatever a client writes into X-Forwarded-For (and so whatever address it
// claims for the per-address limits): only the proxies' own entries may be trusted.
const trustProxy = z
  .string()
  .optional()
  .transform((raw, ctx): TrustProxy => {
    const v = (raw ?? 'false').trim().toLowerCase();
    if (['false', '0', 'no'].includes(v)) return false;
    if (['true', 'yes'].includes(v)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'true would trust any X-Forwarded-For a client sends: set the number of proxies in front of the server (e.g. 1) or their addresses (e.g. loopback, 10.0.0.0/8)',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(v)) {
      const hops = Number(v);
      if (hops > 20) ctx.addIssue({ code: 'custom', message: 'at most 20 proxies in front of the server' });
      return hops;
    }
    const entries = v
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (!entries.length || bad.length) {
      ctx.addIssue({
        code: 'custom',
        message: `must be false, a number of proxies, or a comma-separated list of proxy addresses, CIDR ranges, loopback, linklocal or uniquelocal${bad.length ? ` (not understood: ${bad.join(', ')})` : ''}`,
      });
      return z.NEVER;
    }
    return entries;
  });

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    DATA_DIR: z.string().optional(),
    WEB_DIST_DIR: z.string().optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .optional(),
    // Namespaces every Redis key and channel, so several deployments (or test workers) can share one Redis.
    REDIS_PREFIX: z
      .string()
      .regex(/^[\w:.-]{1,64}$/, 'letters, digits, _ : . - only')
      .default('converge'),
    TWILIO_ACCOUNT_SID: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'must look like AC followed by 32 hex digits')
      .optional(),
    TWILIO_AUTH_TOKEN: z.string().min(8).optional(),
    TWILIO_FROM: z.string().optional(),
    TWILIO_BASE_URL: z.string().url().optional(),
    JOB_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
    // How long a worker holds a job before others take it over (Bull lock / outbox lease).
    JOB_LEASE_MS: z.coerce.number().int().min(200).max(600_000).default(30_000),
    JOB_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
    // Overrides every queue's first retry delay (it doubles per attempt).
    JOB_BACKOFF_MS: z.coerce.number().int().min(1).max(3_600_000).optional(),
    ADMIN_EMAIL: z.string().email('must be an email address').optional(),
    ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 365)
      .default(168),
    PUBLIC_URL: z.string().url().optional(),
    TRUST_PROXY: trustProxy,
    // Signs list cursors; without it a random secret is created once and kept in the database.
    CURSOR_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. the output of openssl rand -base64 32)').optional(),
    CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
    // Who issues invoices: printed at the top of every invoice PDF.
    BUSINESS_NAME: z.string().min(1).max(200).default('Converge Demo Services'),
    BUSINESS_ADDRESS: z.string().max(500).default('100 Main Street, Springfield'),
    // How long one document may take to render (template and PDF) before the attempt fails.
    DOCUMENT_RENDER_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(20_000),
    DEFAULT_COUNTRY: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO country code such as US')
      .default('US'),
    MIGRATE_ON_START: bool(true),
    // Queries over the record kit run as one compiled SQL statement per request (false: every
    // request through graphql-js; for diagnosis).
    QUERY_PLANS: bool(true),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  })
  .refine((v) => !!v.ADMIN_EMAIL === !!v.ADMIN_PASSWORD, {
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
    path: ['ADMIN_PASSWORD'],
  })
  .refine(
    (v) =>
      [v.TWILIO_ACCOUNT_SID, v.TWILIO_AUTH_TOKEN, v.TWILIO_FROM].every((x) => x === undefined) ||
      [v.TWILIO_ACCOUNT_SID, v.TWILIO_AUTH_TOKEN, v.TWILIO_FROM].every((x) => x !== undefined),
    {
      message: 'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM must be set together',
      path: ['TWILIO_FROM'],
    },
  );

export type Config = z.infer<typeof schema> & { dataDir: string; webDir: string; production: boolean };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const v = parsed.data;
  return {
    ...v,
    dataDir: path.resolve(v.DATA_DIR ?? path.join(__dirname, '..', '..', '..', '.data')),
    webDir: path.resolve(v.WEB_DIST_DIR ?? path.join(__dirname, '..', '..', '..', 'web', 'dist')),
    production: v.NODE_ENV === 'production',
  };
}

let current: Config | undefined;

/** The process configuration, validated once on first use. */
export function config(): Config {
  if (!current) current = loadConfig();
  return current;
}

/** Replaces the configuration (tests and CLI tools that start several servers). */
export function setConfig(next: Config): void {
  current = next;
}
