import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every API replica counts the `sla_breached` timeline events on each Prometheus scrape. The partial index holds only
 * those events, so the count reads a small index instead of scanning the whole (ever growing) timeline.
 */
export class SlaBreachIndex1796140800000 implements MigrationInterface {
  name = 'SlaBreachIndex1796140800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX ticket_events_sla_breached ON ticket_events (id) WHERE type = 'sla_breached'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ticket_events_sla_breached`);
  }
}
