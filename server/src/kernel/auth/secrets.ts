import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

// OWASP's minimum for scrypt comes as equivalent settings (N=2^17 p=1, 2^16 p=2, 2^15 p=3,
// 2^14 p=5, 2^13 p=10; r=8). N decides the memory per hash (128·N·r bytes), and libuv runs up to
// four hashes at once: 2^17 would peak at 512 MiB and 2^16 at 256 MiB, beyond the API's 300 MB
// budget, so N=2^15 p=3 keeps 32 MiB per hash (128 MiB at most for concurrent logins) and buys
// the required cost with three times the work.
export const PASSWORD_HASHING: Readonly<ScryptParams> = { N: 1 << 15, r: 8, p: 3 };
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

/** A self-describing hash: `scrypt$N$r$p$salt$key`, so older parameters still verify. */
export async function hashPassword(password: string, params: ScryptParams = PASSWORD_HASHING): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { ...params, maxmem: MAXMEM });
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    // Spend the same time on unknown users so timing does not reveal which emails exist.
    await scrypt(password, Buffer.alloc(16), KEYLEN, { ...PASSWORD_HASHING, maxmem: MAXMEM });
    return false;
  }
  const [, n, r, p, salt, key] = parts;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return timingSafeEqual(expected, actual);
}

/** Whether a stored hash was made with other parameters than today's (rehash it at the next sign-in). */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p, , key] = stored.split('$');
  const { N, r: R, p: P } = PASSWORD_HASHING;
  return scheme !== 'scrypt' || Number(n) !== N || Number(r) !== R || Number(p) !== P || Buffer.from(key ?? '', 'base64url').length !== KEYLEN;
}

export type SecretKind = 'session' | 'apiKey';
const PREFIX: Record<SecretKind, string> = { session: 'cvs_', apiKey: 'cvk_' };

/** A 256-bit random secret with a prefix telling sessions and API keys apart. */
export function newSecret(kind: SecretKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function secretKind(secret: string): SecretKind | null {
  if (secret.startsWith(PREFIX.session)) return 'session';
  if (secret.startsWith(PREFIX.apiKey)) return 'apiKey';
  return null;
}

/** Secrets are high-entropy, so a fast hash is enough; only the hash is stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
