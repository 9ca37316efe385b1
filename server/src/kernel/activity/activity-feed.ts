import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { reader } from '../data/reader';
import { onAnyCommitted } from '../events/domain-events';
import { Feed, FeedSource, startLocalFeed } from '../pubsub/feed';
import type { PubSub } from '../pubsub/pubsub';
import { Topics } from '../pubsub/pubsub';
import { startRedisFeed } from '../pubsub/redis-feed';
import { ActivityLog } from './activity-log.entity';

const COLUMNS = `"id", "seq"::text AS "seq", "txid"::text AS "txid", "action", "entityType", "entityId", "entityLabel", "actorId", "viaApiKeyId", "ownerId", "holders", "changes", "policyType", "createdAt"`;
const HORIZON = `pg_snapshot_xmin(pg_current_snapshot())::text::bigint`;

// (txid, seq) as one string that sorts in feed order: both are bigints, padded to 20 digits.
const pad = (n: string) => n.padStart(20, '0');
export const feedPosition = (txid: string, seq: string) => `${pad(txid)}:${pad(seq)}`;
const parsePosition = (p: string) => p.split(':').map((n) => n.replace(/^0+(?=\d)/, '')) as [string, string];

/**
 * The activity log in commit-safe feed order: rows are read only once they are below the commit
 * horizon (every older transaction has finished), so the cursor of anything delivered is safe to
 * resume from — no entry can later appear before it — and rolled-back writes never show up.
 */
export function activitySource(ds: DataSource): FeedSource<ActivityLog> {
  return {
    async head() {
      const [row] = await reader(ds).query(
        `SELECT "txid"::text AS "txid", "seq"::text AS "seq" FROM "activity_log" WHERE "txid" < ${HORIZON} ORDER BY "txid" DESC, "seq" DESC LIMIT 1`,
      );
      return row ? feedPosition(row.txid, row.seq) : feedPosition('0', '0');
    },
    async read(position, limit) {
      const [txid, seq] = parsePosition(position);
      const rows: ActivityLog[] = await reader(ds).query(
        `SELECT ${COLUMNS} FROM "activity_log"
         WHERE ("txid", "seq") > ($1::bigint, $2::bigint) AND "txid" < ${HORIZON}
         ORDER BY "txid", "seq" LIMIT ${Number(limit)}`,
        [txid, seq],
      );
      return rows.map((row) => ({ position: feedPosition(row.txid, row.seq), item: Object.assign(new ActivityLog(), row) }));
    },
    // A position from a fresh or another database would be ahead of every transaction here.
    async accepts(position) {
      if (!/^\d{20}:\d{20}$/.test(position)) return false;
      const [row] = await reader(ds).query(`SELECT $1::bigint < pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS "ok"`, [parsePosition(position)[0]]);
      return row.ok === true;
    },
    revive(json) {
      const row = json as ActivityLog & { createdAt: string };
      return Object.assign(new ActivityLog(), row, { createdAt: new Date(row.createdAt) });
    },
  };
}

export interface ActivityFeedOptions {
  ds: DataSource;
  pubSub: PubSub;
  /** Publish and subscribe connections; without them the feed stays within this process. */
  redis?: { publisher: Redis; subscriber: Redis; prefix: string };
  /** Live delivery here may have missed entries (see RedisFeedOptions.onGap). */
  onGap(reason: string): void;
}

/**
 * Delivers committed activity entries, in feed order, to this instance's subscribers (the
 * subscription filters them per subscriber). Woken by local commits, and by a timer for commits
 * made elsewhere (other instances, workers).
 */
export async function startActivityFeed(o: ActivityFeedOptions): Promise<Feed> {
  const source = activitySource(o.ds);
  const deliver = (entry: ActivityLog) => o.pubSub.publish(Topics.ACTIVITY, entry);
  const feed = o.redis
    ? await startRedisFeed({
        name: 'activity',
        prefix: o.redis.prefix,
        publisher: o.redis.publisher,
        subscriber: o.redis.subscriber,
        source,
        deliver,
        onGap: o.onGap,
      })
    : await startLocalFeed(source, deliver);
  const off = onAnyCommitted(() => feed.notify());
  return {
    notify: () => feed.notify(),
    status: () => feed.status(),
    async stop() {
      off();
      await feed.stop();
    },
  };
}
