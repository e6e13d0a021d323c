import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface FailureLimit {
  maxFailures: number;
  windowSeconds: number;
  lockoutSeconds: number;
}

export interface RequestLimit {
  maxRequests: number;
  windowSeconds: number;
}

// Both upserts restart a counter whose window ($2) has passed; `abuse_counters.*` in DO UPDATE are the row's old values.
const WINDOW_PASSED = `abuse_counters.window_started_at <= now() - make_interval(secs => $2)`;
const HITS_AFTER = `CASE WHEN ${WINDOW_PASSED} THEN 1 ELSE abuse_counters.hits + 1 END`;
const WINDOW_AFTER = `CASE WHEN ${WINDOW_PASSED} THEN now() ELSE abuse_counters.window_started_at END`;

/**
 * Fixed-window counters in PostgreSQL, keyed by what they limit ("login-account:<email>", "public:portal:<address>").
 * Each change is one atomic statement timed by the database's clock, so API replicas share the counts and need no
 * agreement on time.
 */
@Injectable()
export class AbuseCounters {
  constructor(private readonly dataSource: DataSource) {}

  /** Seconds until the longest block on any of these keys ends; null when none is blocked. Writes nothing. */
  async blockedSeconds(keys: string[]): Promise<number | null> {
    const [row] = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM max(blocked_until) - now()))::int AS seconds
         FROM abuse_counters WHERE key = ANY($1) AND blocked_until > now()`,
      [keys],
    );
    return row?.seconds ?? null;
  }

  /** Counts a failure; the one that reaches `maxFailures` within the window blocks the key for `lockoutSeconds`. */
  async recordFailure(key: string, limit: FailureLimit): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO abuse_counters (key, window_started_at, hits, blocked_until)
       VALUES ($1, now(), 1, CASE WHEN $3 <= 1 THEN now() + make_interval(secs => $4) END)
       ON CONFLICT (key) DO UPDATE SET
         window_started_at = ${WINDOW_AFTER},
         hits = ${HITS_AFTER},
         blocked_until = CASE WHEN ${HITS_AFTER} >= $3 THEN now() + make_interval(secs => $4) ELSE abuse_counters.blocked_until END`,
      [key, limit.windowSeconds, limit.maxFailures, limit.lockoutSeconds],
    );
  }

  async reset(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM abuse_counters WHERE key = $1`, [key]);
  }

  /** Counts a request; past `maxRequests` in the window, the seconds until the window ends, else null. */
  async hit(key: string, limit: RequestLimit): Promise<number | null> {
    const [row] = await this.dataSource.query(
      `INSERT INTO abuse_counters (key, window_started_at, hits) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET window_started_at = ${WINDOW_AFTER}, hits = ${HITS_AFTER}
       RETURNING hits, ceil(extract(epoch FROM window_started_at + make_interval(secs => $2) - now()))::int AS seconds_left`,
      [key, limit.windowSeconds],
    );
    return row.hits > limit.maxRequests ? Math.max(1, row.seconds_left) : null;
  }

  /**
   * Deletes up to `limit` counters whose window of `windowSeconds` has passed and that block nothing: such a row counts
   * nothing any more (the next hit starts it over). SKIP LOCKED, so replicas sweeping at once and hits on live keys never
   * wait on each other. Returns how many it deleted.
   */
  async deleteExpired(limit: number, windowSeconds: number): Promise<number> {
    const [, deleted] = await this.dataSource.query(
      `DELETE FROM abuse_counters WHERE key IN (
         SELECT key FROM abuse_counters WHERE ${WINDOW_PASSED} AND (blocked_until IS NULL OR blocked_until <= now())
          LIMIT $1 FOR UPDATE SKIP LOCKED)`,
      [limit, windowSeconds],
    );
    return deleted;
  }
}
