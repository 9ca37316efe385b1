import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import { badInput } from '../errors/errors';

// Cursors are opaque to clients: base64url of [sort signature, key values..., id] plus an HMAC
// with a server secret, so a client can neither tamper with a cursor nor mint one (e.g. to seek
// to key values it could not otherwise reach). Every instance signs with the same secret
// (CURSOR_SECRET, or the one kept in the database), so cursors survive restarts and move
// between instances.
const TAG_BYTES = 16;

const BLOCK = 64; // SHA-256's block size

/**
 * HMAC-SHA256 under the signing key, computed with one-shot hashes over buffers kept between calls:
 * the same tag as createHmac gives, without creating an Hmac object per cursor (a page signs one per
 * edge, which made signing a visible part of answering a list).
 */
class CursorSigner {
  private inner: Buffer;
  private readonly outer = Buffer.alloc(BLOCK + 32);

  constructor(key: Buffer) {
    // A 32-byte key is padded with zeros to the block, then XORed with ipad and opad (RFC 2104).
    this.inner = Buffer.alloc(BLOCK + 256);
    for (let i = 0; i < BLOCK; i++) {
      const k = i < key.length ? key[i] : 0;
      this.inner[i] = k ^ 0x36;
      this.outer[i] = k ^ 0x5c;
    }
  }

  tag(body: string): Buffer {
    const length = Buffer.byteLength(body);
    if (BLOCK + length > this.inner.length) {
      const grown = Buffer.alloc(BLOCK + length * 2);
      this.inner.copy(grown, 0, 0, BLOCK);
      this.inner = grown;
    }
    this.inner.write(body, BLOCK);
    hash('sha256', this.inner.subarray(0, BLOCK + length), 'buffer').copy(this.outer, BLOCK);
    return hash('sha256', this.outer, 'buffer').subarray(0, TAG_BYTES);
  }
}

let signer: CursorSigner | undefined;

/** Sets the process's cursor secret; every process that issues or reads cursors calls it at start-up. */
export function useCursorSecret(secret: string): void {
  if (secret.length < 32) throw new Error('The cursor secret must be at least 32 characters');
  // Derived, so the configured secret itself never keys anything but this derivation.
  signer = new CursorSigner(createHmac('sha256', secret).update('converge list cursors v2').digest());
}

function loadedSigner(): CursorSigner {
  if (!signer) throw new Error('Cursors cannot be signed or checked: no cursor secret was loaded at start-up (loadCursorSecret)');
  return signer;
}

function tag(body: string): Buffer {
  return loadedSigner().tag(body);
}

export function encodeCursor(signature: string, keys: (string | null)[]): string {
  const body = Buffer.from(JSON.stringify([signature, ...keys])).toString('base64url');
  return `${body}.${tag(body).toString('base64url')}`;
}

export function decodeCursor(cursor: string, signature: string, argName: string, keyCount: number): (string | null)[] {
  const fail = (why: string) => badInput([argName], `Invalid cursor: ${why}`);
  loadedSigner(); // fails loudly without a secret, whatever the input
  const [body, sum, extra] = cursor.split('.');
  const given = Buffer.from(sum ?? '', 'base64url');
  if (!body || extra !== undefined || given.length !== TAG_BYTES || !timingSafeEqual(given, tag(body))) {
    throw fail('it was not issued by this server');
  }
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
