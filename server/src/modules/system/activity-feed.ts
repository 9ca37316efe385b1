import type { DataSource } from 'typeorm';
import { reader } from '../../kernel/data/reader';
import { onEventCommitted } from '../../kernel/events/domain-events';
import { logger } from '../../kernel/logger';
import { pubSub, Topics } from '../../kernel/pubsub/pubsub';
import { ActivityLog } from './activity-log.entity';

const COLUMNS = `"id", "seq"::text AS "seq", "txid"::text AS "txid", "action", "entityType", "entityId", "entityLabel", "actorId", "viaApiKeyId", "ownerId", "changes", "createdAt"`;
const BATCH = 500;

/**
 * Delivers activity entries to subscribers in feed order, and only once they are below the
 * commit horizon (every older transaction has finished). So the cursor of anything a subscriber
 * received is safe to resume from: no entry can later appear before it. Woken by local commits,
 * and by a timer for commits of other instances.
 */
export class ActivityFeedPump {
  private last: { txid: string; seq: string } | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly ds: DataSource, private readonly intervalMs = 250) {}

  async start(): Promise<void> {
    const [row] = await reader(this.ds).query(
      `SELECT "txid"::text AS "txid", "seq"::text AS "seq" FROM "activity_log"
       WHERE "txid" < pg_snapshot_xmin(pg_current_snapshot())::text::bigint ORDER BY "txid" DESC, "seq" DESC LIMIT 1`,
    );
    this.last = row ?? { txid: '0', seq: '0' };
    this.unsubscribe = onEventCommitted(() => this.poke());
    this.timer = setInterval(() => this.poke(), this.intervalMs);
    this.timer.unref();
  }

  stop(): Promise<void> {
    clearInterval(this.timer);
    this.unsubscribe?.();
    return this.running ?? Promise.resolve();
  }

  /** Runs a pass now, or right after the one in progress. */
  poke(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err) => logger.warn({ err }, 'activity feed pass failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const rows: ActivityLog[] = await reader(this.ds).query(
        `SELECT ${COLUMNS} FROM "activity_log"
         WHERE ("txid", "seq") > ($1::bigint, $2::bigint) AND "txid" < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
         ORDER BY "txid", "seq" LIMIT ${BATCH}`,
        [this.last!.txid, this.last!.seq],
      );
      for (const row of rows) {
        this.last = { txid: row.txid, seq: row.seq };
        pubSub.publish(Topics.ACTIVITY, Object.assign(new ActivityLog(), row));
      }
      if (rows.length < BATCH) return;
    }
  }
}

let shared: { pump: ActivityFeedPump; users: number } | undefined;

/** One pump per process, shared by the servers in it (they publish to the same pub/sub). */
export async function acquireActivityFeed(ds: DataSource): Promise<() => Promise<void>> {
  if (!shared) {
    const pump = new ActivityFeedPump(ds);
    shared = { pump, users: 0 };
    await pump.start();
  }
  shared.users++;
  const mine = shared;
  return async () => {
    if (--mine.users === 0 && shared === mine) {
      shared = undefined;
      await mine.pump.stop();
    }
  };
}
