import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an old help desk says its ticket was first answered: a migration's `firstReplyAt` target field, for exports that
 * carry the first-reply time but not the replies themselves. Reports use it only where the ticket has no public agent
 * reply of its own.
 */
export class ImportedFirstReply1796600000000 implements MigrationInterface {
  name = 'ImportedFirstReply1796600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tickets ADD COLUMN first_reply_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tickets DROP COLUMN first_reply_at`);
  }
}
