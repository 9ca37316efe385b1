import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors/errors';

const WINDOW_SECONDS = 15 * 60;

/**
 * Failed sign-ins allowed per 15 minutes. The tight limit is per account *and* address, so a
 * stranger guessing at an account locks out only their own address, never the owner's. An
 * address may fail 30 times over all accounts (password spraying); an account 100 times over
 * all addresses, which only someone with more than twenty addresses can reach.
 */
export const LOGIN_LIMITS = { perAccountAndAddress: 5, perAddress: 30, perAccount: 100, windowSeconds: WINDOW_SECONDS } as const;

function limiter(points: number, name: string, store?: { redis: Redis; prefix: string }): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix: name });
  if (!store) return memory;
  // Shared by every API instance; while Redis is unreachable each instance counts in memory.
  return new RateLimiterRedis({ storeClient: store.redis, points, duration: WINDOW_SECONDS, keyPrefix: `${store.prefix}:${name}`, insuranceLimiter: memory });
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
    const pair = `${account}:${ip}`;
    const steps: [RateLimiterAbstract, string, string][] = [
      [this.byAddress, ip, 'Too many failed sign-in attempts from this address'],
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
