import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters behind the API's abuse limits (failed logins per account and per address, public requests per address).
 * In PostgreSQL rather than in a replica's memory, so every API replica behind the gateway counts the same attempts.
 */
export class AbuseCounters1796900000100 implements MigrationInterface {
  name = 'AbuseCounters1796900000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE abuse_counters (
        key text PRIMARY KEY,
        window_started_at timestamptz NOT NULL,
        hits integer NOT NULL,
        blocked_until timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE abuse_counters`);
  }
}
