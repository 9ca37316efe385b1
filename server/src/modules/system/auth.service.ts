import type { DataSource } from 'typeorm';
import { config } from '../../config/env';
import type { Principal } from '../../kernel/auth/principal';
import { hashPassword, hashSecret, needsRehash, newSecret, secretKind, verifyPassword } from '../../kernel/auth/secrets';
import type { Context } from '../../kernel/context';
import { UnauthenticatedError } from '../../kernel/errors/errors';
import { inTransaction } from '../../kernel/events/unit-of-work';
import { preparedRead } from '../../kernel/data/reader';
import { LoginLimiter } from '../../kernel/auth/login-limiter';
import { User } from './user.entity';
import { ActivityAction } from '../../kernel/activity/activity-log.entity';
import { RecordChanged } from '../../kernel/activity/activity.events';
import { requirePrincipal } from '../../kernel/context';
import { NotFoundError } from '../../kernel/errors/errors';
import { users } from './user.entity';

// The user's row comes along with the token lookup, so `me` and the caller's own user need no more SQL.
const PRINCIPAL_COLUMNS = `u."id" AS "userId", u."name", u."role", u."email", u."phone", u."active", u."lastLoginAt", u."createdAt" AS "userCreatedAt", u."updatedAt" AS "userUpdatedAt", u."version" AS "userVersion"`;

const SESSION_LOOKUP = `SELECT ${PRINCIPAL_COLUMNS}, s."id" AS "sessionId", s."expiresAt"
  FROM "auth_tokens" s JOIN "users" u ON u."id" = s."userId"
  WHERE s."secretHash" = $1 AND s."revokedAt" IS NULL AND s."expiresAt" > now() AND u."active"`;

const epochMs = (col: string) => `floor(extract(epoch from ${col}) * 1000)::bigint`;
const ms = (v: unknown) => (v instanceof Date ? v.getTime() : null);

/**
 * What a session's principal was built from — the session, its expiry and every user column it
 * carries — as SQL and from a principal, in the same form: a planned query re-checks a remembered
 * principal inside its own statement instead of looking the session up first.
 */
export const sessionFingerprint = {
  secretHash: (secret: string): string | null => (secretKind(secret) === 'session' ? hashSecret(secret) : null),
  sql: (hashParam: string): string =>
    `SELECT json_build_array(s."id", ${epochMs('s."expiresAt"')}, u."id", u."name", u."role", u."email", u."phone", ` +
    `${epochMs('u."lastLoginAt"')}, ${epochMs('u."updatedAt"')}, u."version") ` +
    `FROM "auth_tokens" s JOIN "users" u ON u."id" = s."userId" ` +
    `WHERE s."secretHash" = ${hashParam} AND s."revokedAt" IS NULL AND s."expiresAt" > now() AND u."active"`,
  of: (p: Principal): unknown[] => {
    const u = p.profile ?? {};
    return [p.sessionId, ms(p.expiresAt), p.userId, u.name, u.role, u.email, u.phone ?? null, ms(u.lastLoginAt), ms(u.updatedAt), u.version];
  },
};

/** A principal from a token-lookup row (session or API key columns, plus the user's). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a row of the lookup below
function principalOf(r: Record<string, any>): Principal {
  return {
    userId: r.userId,
    name: r.name,
    role: r.role,
    sessionId: r.sessionId ?? null,
    apiKeyId: r.apiKeyId ?? null,
    apiKeyName: r.apiKeyName ?? null,
    readOnly: r.readOnly ?? false,
    expiresAt: r.expiresAt,
    profile: profileOf(r),
  };
}

function profileOf(r: Record<string, unknown>): Record<string, unknown> {
  return {
    id: r.userId,
    name: r.name,
    role: r.role,
    email: r.email,
    phone: r.phone,
    active: r.active,
    lastLoginAt: r.lastLoginAt,
    createdAt: r.userCreatedAt,
    updatedAt: r.userUpdatedAt,
    version: r.userVersion,
  };
}

/** Resolves a bearer secret to its principal with one SQL statement; null when invalid. */
export async function resolvePrincipal(ds: DataSource, secret: string): Promise<Principal | null> {
  const kind = secretKind(secret);
  if (!kind) return null;
  const hash = hashSecret(secret);
  if (kind === 'session') {
    const rows = await preparedRead(ds, 'converge_session_principal', SESSION_LOOKUP, [hash]);
    if (!rows.length) return null;
    return principalOf(rows[0]);
  }
  // API keys: lastUsedAt is refreshed at most once a minute, in the same statement.
  const rows = await ds.query(
    `WITH k AS (
       SELECT ${PRINCIPAL_COLUMNS}, k."id" AS "apiKeyId", k."name" AS "apiKeyName", k."readOnly", k."expiresAt", k."lastUsedAt"
       FROM "api_keys" k JOIN "users" u ON u."id" = k."userId"
       WHERE k."secretHash" = $1 AND k."revokedAt" IS NULL AND (k."expiresAt" IS NULL OR k."expiresAt" > now()) AND u."active"
     ), touched AS (
       UPDATE "api_keys" SET "lastUsedAt" = now()
       WHERE "id" IN (SELECT "apiKeyId" FROM k WHERE "lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')
     )
     SELECT * FROM k`,
    [hash],
  );
  if (!rows.length) return null;
  return principalOf(rows[0]);
}

/**
 * Resolves many bearer secrets in one SQL statement (sessions and API keys together, API keys'
 * lastUsedAt refreshed as above): the principals of the ones still valid, by secret.
 */
export async function resolvePrincipals(ds: DataSource, secrets: string[]): Promise<Map<string, Principal>> {
  const bySecretHash = new Map<string, string>();
  const sessions: string[] = [];
  const keys: string[] = [];
  for (const secret of new Set(secrets)) {
    const kind = secretKind(secret);
    if (!kind) continue;
    const hash = hashSecret(secret);
    bySecretHash.set(hash, secret);
    (kind === 'session' ? sessions : keys).push(hash);
  }
  const found = new Map<string, Principal>();
  if (!bySecretHash.size) return found;
  const rows: Record<string, string>[] = await ds.query(
    `WITH k AS (
       SELECT ${PRINCIPAL_COLUMNS}, k."secretHash", k."id" AS "apiKeyId", k."name" AS "apiKeyName", k."readOnly", k."expiresAt", k."lastUsedAt"
       FROM "api_keys" k JOIN "users" u ON u."id" = k."userId"
       WHERE k."secretHash" = ANY($2) AND k."revokedAt" IS NULL AND (k."expiresAt" IS NULL OR k."expiresAt" > now()) AND u."active"
     ), touched AS (
       UPDATE "api_keys" SET "lastUsedAt" = now()
       WHERE "id" IN (SELECT "apiKeyId" FROM k WHERE "lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')
     )
     SELECT ${PRINCIPAL_COLUMNS}, s."secretHash", s."id" AS "sessionId", NULL::uuid AS "apiKeyId", NULL::text AS "apiKeyName", false AS "readOnly", s."expiresAt"
     FROM "auth_tokens" s JOIN "users" u ON u."id" = s."userId"
     WHERE s."secretHash" = ANY($1) AND s."revokedAt" IS NULL AND s."expiresAt" > now() AND u."active"
     UNION ALL
     SELECT "userId", "name", "role", "email", "phone", "active", "lastLoginAt", "userCreatedAt", "userUpdatedAt", "userVersion",
       "secretHash", NULL::uuid, "apiKeyId", "apiKeyName", "readOnly", "expiresAt"
     FROM k`,
    [sessions, keys],
  );
  for (const row of rows) found.set(bySecretHash.get(row.secretHash)!, principalOf(row));
  return found;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
}

export class AuthService {
  constructor(private readonly limiter = new LoginLimiter()) {}

  async login(ctx: Context, email: string, password: string): Promise<LoginResult> {
    const release = await (ctx.loginLimiter ?? this.limiter).reserve(email, ctx.ip);
    const rows: (User & { passwordHash: string })[] = await ctx.ds.query(`SELECT * FROM "users" WHERE lower("email") = lower($1)`, [email.trim()]);
    const row = rows[0];
    const ok = await verifyPassword(password, row?.passwordHash);
    if (!row || !ok || !row.active) throw new UnauthenticatedError('Email or password is incorrect');
    await release();
    // Hashes from before the current cost are upgraded now that the password is known to be right.
    const upgraded = needsRehash(row.passwordHash) ? await hashPassword(password) : null;
    const token = newSecret('session');
    const expiresAt = new Date(Date.now() + config().SESSION_TTL_HOURS * 3600_000);
    // The rest of this response (the returned user's fields) is resolved as the new session.
    ctx.principal = { userId: row.id, name: row.name, role: row.role, sessionId: null, apiKeyId: null, apiKeyName: null, readOnly: false, expiresAt };
    const user = await inTransaction(ctx, async (uow) => {
      const [session] = await uow.manager.query(
        `INSERT INTO "auth_tokens" ("userId", "secretHash", "expiresAt", "ip") VALUES ($1, $2, $3, $4) RETURNING "id"`,
        [row.id, hashSecret(token), expiresAt, ctx.ip],
      );
      ctx.principal!.sessionId = session.id;
      if (upgraded) {
        // Only over the hash just verified: a password changed meanwhile is left as it is.
        await uow.manager.query(`UPDATE "users" SET "passwordHash" = $2 WHERE "id" = $1 AND "passwordHash" = $3`, [row.id, upgraded, row.passwordHash]);
      }
      const [[updated]] = await uow.manager.query(`UPDATE "users" SET "lastLoginAt" = now() WHERE "id" = $1 RETURNING *`, [row.id]);
      await uow.emit(RecordChanged, {
        action: ActivityAction.SIGNED_IN,
        entityType: 'User',
        entityId: row.id,
        entityLabel: row.name,
        ownerId: null,
        holders: [row.id],
        changes: {},
      });
      delete updated.passwordHash;
      return Object.assign(new User(), updated) as User;
    });
    return { token, expiresAt, user };
  }

  async logout(ctx: Context): Promise<boolean> {
    const sessionId = ctx.principal?.sessionId;
    if (!sessionId) return false;
    await ctx.ds.query(`UPDATE "auth_tokens" SET "revokedAt" = now() WHERE "id" = $1 AND "revokedAt" IS NULL`, [sessionId]);
    return true;
  }
}

/** The signed-in user: from the row loaded with the token, else by id. */
export async function currentUser(ctx: Context): Promise<User> {
  const p = requirePrincipal(ctx);
  if (p.profile) return Object.assign(new User(), p.profile);
  const user = await users.service.loader(ctx).load(p.userId);
  if (!user) throw new NotFoundError('User');
  return user;
}
