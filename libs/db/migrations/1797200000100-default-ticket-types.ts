import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admin's default ticket type per channel ({ "phone": "incident" }); a channel not listed keeps the fixed default
 * (question). Read when a ticket is created or imported without a type.
 */
export class DefaultTicketTypes1797200000100 implements MigrationInterface {
  name = 'DefaultTicketTypes1797200000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE helpdesk_settings ADD COLUMN default_ticket_types jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE helpdesk_settings DROP COLUMN default_ticket_types`);
  }
}
