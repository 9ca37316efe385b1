import type { DataSource } from 'typeorm';
import { hashPassword } from '../kernel/auth/secrets';

export const BENCH_SIZES = { accounts: 10_000, contactsPerAccount: 10, dealsPerAccount: 5, interactionsPerDeal: 10, reps: 20 } as const;

/**
 * The DESIGN.md §7 dataset — 10k accounts / 100k contacts / 50k deals / 500k interactions — built
 * with set-based SQL (a minute or so); `scale` shrinks or grows the number of accounts (everything
 * else follows per account). Skipped when that many accounts are already present. Returns the
 * number of accounts there are.
 */
export async function seedLarge(ds: DataSource, log: (m: string) => void, scale = 1): Promise<{ accounts: number }> {
  const target = Math.max(1, Math.round(BENCH_SIZES.accounts * scale));
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "accounts"`);
  if (n >= target) return { accounts: n };
  if (n > 0)
    throw new Error(
      `The benchmark database holds ${n} accounts, fewer than this run's ${target}: point BENCH_DATABASE_URL at an empty database (or drop this one) to seed it again.`,
    );
  const hash = await hashPassword('bench-password');
  log('seeding users');
  await ds.query(`INSERT INTO "users" ("email", "name", "role", "passwordHash") VALUES ('manager@bench.converge.dev', 'Bench Manager', 'SALES_MANAGER', $1)`, [
    hash,
  ]);
  await ds.query(
    `INSERT INTO "users" ("email", "name", "role", "passwordHash")
     SELECT 'rep' || g || '@bench.converge.dev', 'Rep ' || g, 'SALES_REP', $1 FROM generate_series(1, $2) g`,
    [hash, BENCH_SIZES.reps],
  );
  log('seeding accounts');
  await ds.query(
    `INSERT INTO "accounts" ("name", "industry", "website", "phone", "email", "creditLimit", "ownerId", "createdAt", "updatedAt")
     SELECT 'Account ' || g || ' ' || substr(md5(g::text), 1, 8), (ARRAY['HVAC','Plumbing','Electrical','Roofing'])[1 + g % 4],
            'https://a' || g || '.example.com', '+1212555' || lpad((g % 10000)::text, 4, '0'), 'office' || g || '@example.com',
            (g % 500) * 100, r.id, now() - (g || ' minutes')::interval, now()
     FROM generate_series(1, $1) g
     JOIN LATERAL (SELECT id FROM "users" WHERE "role" = 'SALES_REP' ORDER BY "email" OFFSET (g % $2) LIMIT 1) r ON true`,
    [target, BENCH_SIZES.reps],
  );
  log('seeding contacts');
  await ds.query(
    `INSERT INTO "contacts" ("firstName", "lastName", "email", "title", "accountId", "ownerId")
     SELECT 'First' || c, 'Last ' || substr(md5(a.id::text || c), 1, 6), 'c' || c || '.' || substr(a.id::text, 1, 8) || '@example.com', 'Manager', a.id, a."ownerId"
     FROM "accounts" a CROSS JOIN generate_series(1, $1) c`,
    [BENCH_SIZES.contactsPerAccount],
  );
  log('seeding deals');
  await ds.query(
    `INSERT INTO "deals" ("name", "accountId", "stage", "amount", "probability", "ownerId", "createdAt")
     SELECT 'Deal ' || d || ' for ' || a."name", a.id,
            (ARRAY['PROSPECTING','QUALIFICATION','PROPOSAL','NEGOTIATION']::"deal_stage"[])[1 + d % 4],
            (d * 1000 + 99.5), 20 + (d % 4) * 20, a."ownerId", a."createdAt" + (d || ' seconds')::interval
     FROM "accounts" a CROSS JOIN generate_series(1, $1) d`,
    [BENCH_SIZES.dealsPerAccount],
  );
  log('seeding interactions');
  await ds.query(
    `WITH pc AS (SELECT DISTINCT ON ("accountId") "accountId", "id" FROM "contacts" ORDER BY "accountId", "id")
     INSERT INTO "interactions" ("type", "subject", "occurredAt", "contactId", "dealId", "ownerId")
     SELECT (ARRAY['CALL','EMAIL','MEETING','NOTE','SMS']::"interaction_type"[])[1 + i % 5], 'Touch ' || i,
            now() - (((i * 37 + length(d."name")) % 10000) || ' minutes')::interval, pc."id", d.id, d."ownerId"
     FROM "deals" d JOIN pc ON pc."accountId" = d."accountId" CROSS JOIN generate_series(1, $1) i`,
    [BENCH_SIZES.interactionsPerDeal],
  );
  await ds.query('ANALYZE');
  return { accounts: target };
}
