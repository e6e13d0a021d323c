import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email in and out: admins' wording of the customer mails (the shipped defaults live in code, a row overrides one),
 * the mails sent (keyed by the sender's idempotency key, with the Message-ID replies thread on), the mails received
 * (by Message-ID, so a redelivered mail is recognised), their attachments, and the dev outbox the local SMTP sink fills.
 */
export class Email1795852800000 implements MigrationInterface {
  name = 'Email1795852800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE email_templates (
        key text PRIMARY KEY CHECK (key IN ('acknowledgment','agent_reply','solved','survey','survey_reminder')),
        subject text NOT NULL,
        body text NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE sent_emails (
        idempotency_key text PRIMARY KEY,
        message_id text NOT NULL,
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        template text NOT NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT sent_emails_message_id_unique UNIQUE (message_id)
      )`);
    await db.query(`CREATE INDEX sent_emails_ticket ON sent_emails (ticket_id)`);
    await db.query(`
      CREATE TABLE inbound_emails (
        message_id text PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        ticket_message_id uuid REFERENCES ticket_messages(id),
        sender text NOT NULL,
        subject text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX inbound_emails_ticket ON inbound_emails (ticket_id, received_at)`);
    await db.query(`
      CREATE TABLE email_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        inbound_message_id text NOT NULL REFERENCES inbound_emails(message_id),
        filename text,
        content_type text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX email_attachments_ticket ON email_attachments (ticket_id)`);
    await db.query(`
      CREATE TABLE dev_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        received_at timestamptz NOT NULL DEFAULT now(),
        envelope_from text NOT NULL,
        envelope_to text[] NOT NULL,
        message_id text,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text,
        headers jsonb NOT NULL
      )`);
    await db.query(`CREATE INDEX dev_outbox_received ON dev_outbox (received_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dev_outbox`);
    await db.query(`DROP TABLE email_attachments`);
    await db.query(`DROP TABLE inbound_emails`);
    await db.query(`DROP TABLE sent_emails`);
    await db.query(`DROP TABLE email_templates`);
  }
}
