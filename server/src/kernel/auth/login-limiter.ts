import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors/errors';

const WINDOW_SECONDS = 15 * 60;

/**
 * Failed sign-ins allowed per 15 minutes. The tight limit is per account *and* address, so a
 * stranger guessing at an account locks out only their own address, never the owner's. An
 * address may fail 30 times over all accounts (password spraying); an account 100 times over
 * all addresses, which only someone with more than twenty addresses can reach. An "address" is
 * an IPv4 address or an IPv6 /64 (addressKey).
 */
export const LOGIN_LIMITS = { perAccountAndAddress: 5, perAddress: 30, perAccount: 100, windowSeconds: WINDOW_SECONDS } as const;

function limiter(points: number, name: string, store?: { redis: Redis; prefix: string }): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix: name });
  if (!store) return memory;
  // Shared by every API instance; while Redis is unreachable each instance counts in memory.
  return new RateLimiterRedis({ storeClient: store.redis, points, duration: WINDOW_SECONDS, keyPrefix: `${store.prefix}:${name}`, insuranceLimiter: memory });
}

/** The eight 16-bit groups of a valid IPv6 address (zone removed), an embedded dotted IPv4 tail included. */
function hextetsOf(ipv6: string): number[] {
  let text = ipv6;
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const groups = (part: string) => (part ? part.split(':').map((h) => parseInt(h, 16)) : []);
  const [head, tail] = text.split('::');
  if (tail === undefined) return groups(head);
  const [left, right] = [groups(head), groups(tail)];
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * What the per-address limits count under. An IPv4 address as it is, also written IPv4-mapped
 * (`::ffff:a.b.c.d`); an IPv6 address by its /64 prefix, since one host (one subscriber's network)
 * usually holds a whole /64 and could otherwise take fresh addresses from it for every attempt.
 * Anything that is not an address (it should not happen) is kept as given.
 */
export function addressKey(address: string): string {
  if (isIPv4(address)) return address;
  const ipv6 = address.split('%')[0];
  if (!isIPv6(ipv6)) return address;
  const h = hextetsOf(ipv6);
  if (h.slice(0, 5).every((x) => x === 0) && h[5] === 0xffff) return [h[6] >> 8, h[6] & 0xff, h[7] >> 8, h[7] & 0xff].join('.');
  const prefix = h.slice(0, 4).map((x) => x.toString(16));
  return `${prefix.join(':')}::/64`;
}

/** Accounts are keyed by a digest of the normalised email: bounded keys, and no emails in Redis. */
const accountKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');

/**
 * Login throttling (LOGIN_LIMITS). Every attempt reserves a point in each count before the
 * password is checked (so aliased logins in one request count one by one), and a success gives
 * its points back. A refused attempt stops at the first exhausted count, so hammering a locked
 * pair does not use up the account's own ceiling. With Redis the counts are shared by all API
 * instances; without it they live in this process.
 */
export class LoginLimiter {
  private readonly byAddress: RateLimiterAbstract;
  private readonly byAccountAndAddress: RateLimiterAbstract;
  private readonly byAccount: RateLimiterAbstract;

  constructor(store?: { redis: Redis; prefix: string }) {
    this.byAddress = limiter(LOGIN_LIMITS.perAddress, 'login_ip', store);
    this.byAccountAndAddress = limiter(LOGIN_LIMITS.perAccountAndAddress, 'login_acct_ip', store);
    this.byAccount = limiter(LOGIN_LIMITS.perAccount, 'login_acct', store);
  }

  async reserve(email: string, ip: string): Promise<() => Promise<void>> {
    const account = accountKey(email);
    const address = addressKey(ip);
    const pair = `${account}:${address}`;
    const steps: [RateLimiterAbstract, string, string][] = [
      [this.byAddress, address, 'Too many failed sign-in attempts from this address'],
      [this.byAccountAndAddress, pair, 'Too many failed sign-in attempts for this account from this address'],
      [this.byAccount, account, 'Too many failed sign-in attempts for this account'],
    ];
    for (const [count, key, message] of steps) {
      try {
        await count.consume(key);
      } catch (e) {
        throw this.limited(e, message);
      }
    }
    return async () => {
      await Promise.all(steps.map(([count, key]) => count.reward(key)));
    };
  }

  private limited(e: unknown, message: string): RateLimitedError {
    if (e instanceof RateLimiterRes) {
      const retry = Math.ceil(e.msBeforeNext / 1000);
      return new RateLimitedError(`${message}; try again in ${Math.ceil(retry / 60)} minutes`, retry);
    }
    throw e;
  }
}
