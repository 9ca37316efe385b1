import { createHash } from 'node:crypto';
import { badInput } from '../errors/errors';

// Cursors are opaque to clients: base64url of [sort signature, key values..., id] plus a short
// checksum so a tampered cursor is refused instead of silently paging from a random spot.
const SALT = 'converge-cursor-v1';

function checksum(body: string): string {
  return createHash('sha256').update(SALT).update(body).digest('base64url').slice(0, 10);
}

export function encodeCursor(signature: string, keys: (string | null)[]): string {
  const body = Buffer.from(JSON.stringify([signature, ...keys])).toString('base64url');
  return `${body}.${checksum(body)}`;
}

export function decodeCursor(cursor: string, signature: string, argName: string, keyCount: number): (string | null)[] {
  const fail = (why: string) => badInput([argName], `Invalid cursor: ${why}`);
  const [body, sum, extra] = cursor.split('.');
  if (!body || !sum || extra !== undefined || checksum(body) !== sum) throw fail('it was not issued by this server');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw fail('it is malformed');
  }
  if (!Array.isArray(parsed) || parsed[0] !== signature) throw fail('it belongs to a different list or sort order');
  const keys = parsed.slice(1);
  if (keys.length !== keyCount || !keys.every((k) => k === null || typeof k === 'string')) throw fail('it is malformed');
  return keys;
}
