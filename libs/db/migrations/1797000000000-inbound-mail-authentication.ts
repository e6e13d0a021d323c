import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SPF and DMARC verdicts a trusted relay reported on each accepted mail, kept with the mail's record whether it
 * opened a ticket or became a message on one. Null: no verdict reported, the relay not trusted, or received before.
 */
export class InboundMailAuthentication1797000000000 implements MigrationInterface {
  name = 'InboundMailAuthentication1797000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE inbound_emails ADD COLUMN spf text, ADD COLUMN dmarc text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE inbound_emails DROP COLUMN spf, DROP COLUMN dmarc`);
  }
}
