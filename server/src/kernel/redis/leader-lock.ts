import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';

// Takes the lock when free, or extends it when this holder already has it: acquiring and renewing
// are the same step, so a holder that missed a renewal (Redis blip) gets it back if nobody took it.
const HOLD = `
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not current then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

interface LockCommands {
  leaderHold(key: string, token: string, ttlMs: number): Promise<number>;
  leaderRelease(key: string, token: string): Promise<number>;
}

function defineLockCommands(redis: Redis): Redis & LockCommands {
  if (!('leaderHold' in redis)) {
    redis.defineCommand('leaderHold', { numberOfKeys: 1, lua: HOLD });
    redis.defineCommand('leaderRelease', { numberOfKeys: 1, lua: RELEASE });
  }
  return redis as Redis & LockCommands;
}

/**
 * A lock in Redis that one process at a time holds, with an expiry so a crashed holder loses it.
 * The holder renews it every `ttlMs / 3`; everyone else tries to take it as often. `token`
 * identifies the holder, so scripts can fence writes against a holder that lost the lock unaware.
 */
export class LeaderLock {
  readonly token = randomUUID();
  private held = false;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<boolean> | null = null;
  private readonly redis: Redis & LockCommands;

  constructor(
    redis: Redis,
    readonly key: string,
    private readonly onChange: (leader: boolean) => void,
    private readonly ttlMs = 3_000,
  ) {
    this.redis = defineLockCommands(redis);
  }

  get isLeader(): boolean {
    return this.held;
  }

  start(): void {
    this.timer = setInterval(() => void this.hold(), Math.max(50, Math.floor(this.ttlMs / 3)));
    this.timer.unref();
  }

  /** Takes or renews the lock now; resolves whether this process holds it. */
  hold(): Promise<boolean> {
    this.inFlight ??= this.redis
      .leaderHold(this.key, this.token, this.ttlMs)
      .then(
        (r) => r === 1,
        () => false,
      )
      .then((held) => {
        this.inFlight = null;
        if (this.timer) this.set(held);
        return held;
      });
    return this.inFlight;
  }

  /** Marks the lock lost (a fenced write was refused); the next hold may take it back. */
  lost(): void {
    this.set(false);
  }

  /** Stops trying and frees the lock at once, so another process can take over without waiting for expiry. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
    const wasHeld = this.held;
    this.set(false);
    if (wasHeld) await this.redis.leaderRelease(this.key, this.token).catch(() => undefined);
  }

  private set(held: boolean): void {
    if (held === this.held) return;
    this.held = held;
    this.onChange(held);
  }
}
