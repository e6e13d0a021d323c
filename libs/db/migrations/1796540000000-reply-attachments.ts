import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments both ways: besides the files that came with a customer's mail, `email_attachments` now holds the files
 * an agent uploads (`uploaded_by`) and then sends with a reply (`sent_with_message_id`, set when the reply references
 * them; released again if the reply is refused and its message deleted). The bytes are stored uncompressed out of
 * line (STORAGE EXTERNAL), so a download reads them slice by slice with `substring` and PostgreSQL fetches only the
 * TOAST chunks of that slice instead of the whole value (rows stored before this keep their compressed form and still
 * read correctly, only slower). The dev outbox keeps what was attached to each mail it received.
 */
export class ReplyAttachments1796540000000 implements MigrationInterface {
  name = 'ReplyAttachments1796540000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE email_attachments ALTER COLUMN inbound_message_id DROP NOT NULL`);
    await db.query(`ALTER TABLE email_attachments ADD COLUMN uploaded_by uuid REFERENCES users(id)`);
    await db.query(`ALTER TABLE email_attachments ADD COLUMN sent_with_message_id uuid REFERENCES ticket_messages(id) ON DELETE SET NULL`);
    await db.query(`
      ALTER TABLE email_attachments ADD CONSTRAINT email_attachments_inbound_or_uploaded
        CHECK ((inbound_message_id IS NULL) <> (uploaded_by IS NULL))`);
    await db.query(`CREATE INDEX email_attachments_sent_with ON email_attachments (sent_with_message_id) WHERE sent_with_message_id IS NOT NULL`);
    await db.query(`ALTER TABLE email_attachments ALTER COLUMN content SET STORAGE EXTERNAL`);
    await db.query(`ALTER TABLE dev_outbox ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dev_outbox DROP COLUMN attachments`);
    await db.query(`ALTER TABLE email_attachments ALTER COLUMN content SET STORAGE EXTENDED`);
    await db.query(`DELETE FROM email_attachments WHERE inbound_message_id IS NULL`);
    await db.query(`ALTER TABLE email_attachments DROP CONSTRAINT email_attachments_inbound_or_uploaded`);
    await db.query(`ALTER TABLE email_attachments DROP COLUMN sent_with_message_id`);
    await db.query(`ALTER TABLE email_attachments DROP COLUMN uploaded_by`);
    await db.query(`ALTER TABLE email_attachments ALTER COLUMN inbound_message_id SET NOT NULL`);
  }
}
