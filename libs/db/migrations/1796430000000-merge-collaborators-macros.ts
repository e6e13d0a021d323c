import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agent workspace's merge, CC and macros (issue 18):
 * - the `merged` customer mail joins the templates admins may word;
 * - a merge is recorded by the duplicate's `merged` timeline event (written in the transaction that closes it), whose
 *   `data.into` names the primary: the partial index finds a primary's merged tickets, and a reply to a merged ticket
 *   its primary, without scanning the timeline;
 * - collaborators: addresses copied on a ticket's public replies, whose mail threads onto the ticket;
 * - macros: admins' canned replies.
 */
export class MergeCollaboratorsMacros1796430000000 implements MigrationInterface {
  name = 'MergeCollaboratorsMacros1796430000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE email_templates DROP CONSTRAINT email_templates_key_check`);
    await db.query(`
      ALTER TABLE email_templates ADD CONSTRAINT email_templates_key_check
        CHECK (key IN ('acknowledgment','agent_reply','solved','survey','survey_reminder','merged'))`);
    await db.query(`CREATE INDEX ticket_events_merged_into ON ticket_events ((data->>'into')) WHERE type = 'merged'`);
    await db.query(`
      CREATE TABLE ticket_collaborators (
        ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email = lower(email)),
        added_by uuid REFERENCES users(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ticket_id, email)
      )`);
    await db.query(`
      CREATE TABLE macros (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        body text NOT NULL,
        public boolean NOT NULL,
        set_status text CHECK (set_status IN ('open','pending','on_hold','solved')),
        set_priority text CHECK (set_priority IN ('low','normal','high','urgent')),
        add_tags text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users(id),
        updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX macros_name_unique ON macros (lower(name))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE macros`);
    await db.query(`DROP TABLE ticket_collaborators`);
    await db.query(`DROP INDEX ticket_events_merged_into`);
    await db.query(`DELETE FROM email_templates WHERE key = 'merged'`);
    await db.query(`ALTER TABLE email_templates DROP CONSTRAINT email_templates_key_check`);
    await db.query(`
      ALTER TABLE email_templates ADD CONSTRAINT email_templates_key_check
        CHECK (key IN ('acknowledgment','agent_reply','solved','survey','survey_reminder'))`);
  }
}
