import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollout notifications by mail: admins may word the two new templates, and a sent mail is about a ticket or about a
 * rollout (its idempotency key still makes it once-only).
 */
export class RolloutMail1796700000000 implements MigrationInterface {
  name = 'RolloutMail1796700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE email_templates DROP CONSTRAINT email_templates_key_check`);
    await db.query(`
      ALTER TABLE email_templates ADD CONSTRAINT email_templates_key_check
        CHECK (key IN ('acknowledgment','agent_reply','solved','survey','survey_reminder','merged','rollout_task_overdue','rollout_gate_waiting'))`);
    await db.query(`ALTER TABLE sent_emails ALTER COLUMN ticket_id DROP NOT NULL`);
    await db.query(`ALTER TABLE sent_emails ADD COLUMN rollout_id uuid REFERENCES rollouts(id) ON DELETE CASCADE`);
    await db.query(`ALTER TABLE sent_emails ADD CONSTRAINT sent_emails_about_one CHECK ((ticket_id IS NULL) <> (rollout_id IS NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM sent_emails WHERE rollout_id IS NOT NULL`);
    await db.query(`ALTER TABLE sent_emails DROP CONSTRAINT sent_emails_about_one`);
    await db.query(`ALTER TABLE sent_emails DROP COLUMN rollout_id`);
    await db.query(`ALTER TABLE sent_emails ALTER COLUMN ticket_id SET NOT NULL`);
    await db.query(`DELETE FROM email_templates WHERE key IN ('rollout_task_overdue','rollout_gate_waiting')`);
    await db.query(`ALTER TABLE email_templates DROP CONSTRAINT email_templates_key_check`);
    await db.query(`
      ALTER TABLE email_templates ADD CONSTRAINT email_templates_key_check
        CHECK (key IN ('acknowledgment','agent_reply','solved','survey','survey_reminder','merged'))`);
  }
}
