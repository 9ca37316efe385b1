import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from '../errors/errors';

const WINDOW_SECONDS = 15 * 60;
export const LOGIN_LIMITS = { perAccount: 5, perIp: 30, windowSeconds: WINDOW_SECONDS } as const;

function limiter(points: number, name: string, store?: { redis: Redis; prefix: string }): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ points, duration: WINDOW_SECONDS, keyPrefix: name });
  if (!store) return memory;
  // Shared by every API instance; while Redis is unreachable each instance counts in memory.
  return new RateLimiterRedis({ storeClient: store.redis, points, duration: WINDOW_SECONDS, keyPrefix: `${store.prefix}:${name}`, insuranceLimiter: memory });
}

/**
 * Login throttling: at most 5 failed attempts per account and 30 per IP in 15 minutes.
 * Every attempt reserves a point before the password is checked (so aliased logins in one
 * request count one by one), and a success gives its points back. With Redis the counts are
 * shared by all API instances; without it they live in this process.
 */
export class LoginLimiter {
  private readonly byAccount: RateLimiterAbstract;
  private readonly byIp: RateLimiterAbstract;

  constructor(store?: { redis: Redis; prefix: string }) {
    this.byAccount = limiter(LOGIN_LIMITS.perAccount, 'login_acct', store);
    this.byIp = limiter(LOGIN_LIMITS.perIp, 'login_ip', store);
  }

  async reserve(email: string, ip: string): Promise<() => Promise<void>> {
    const acct = email.trim().toLowerCase();
    try {
      await this.byIp.consume(ip);
    } catch (e) {
      throw this.limited(e, 'Too many failed sign-in attempts from this address');
    }
    try {
      await this.byAccount.consume(acct);
    } catch (e) {
      throw this.limited(e, 'Too many failed sign-in attempts for this account');
    }
    return async () => {
      await Promise.all([this.byAccount.reward(acct), this.byIp.reward(ip)]);
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
