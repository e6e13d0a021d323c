import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ticket types (issue 15): question, incident, problem, service_request, task. Tickets that exist already become
 * questions (every channel's default). The index serves the working lists filtered by type in their default order.
 */
export class TicketTypes1797200000000 implements MigrationInterface {
  name = 'TicketTypes1797200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE tickets ADD COLUMN type text NOT NULL DEFAULT 'question'
         CONSTRAINT tickets_type_known CHECK (type IN ('question','incident','problem','service_request','task'))`,
    );
    await db.query(`CREATE INDEX tickets_type_created ON tickets (type, created_at DESC, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX tickets_type_created`);
    await db.query(`ALTER TABLE tickets DROP COLUMN type`);
  }
}
