import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Satisfaction surveys: their settings (one row, admin-edited) and one survey per ticket. A survey's CSAT columns
 * (`score`, `answered_at`) stay null until the customer answers; `answered_at IS NULL` is what makes a link single-use.
 */
export class SatisfactionSurveys1795896000000 implements MigrationInterface {
  name = 'SatisfactionSurveys1795896000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE survey_settings (
        id smallint PRIMARY KEY CHECK (id = 1),
        enabled boolean NOT NULL DEFAULT true,
        trigger text NOT NULL DEFAULT 'closed' CHECK (trigger IN ('solved','closed')),
        delay_minutes integer NOT NULL DEFAULT 60 CHECK (delay_minutes >= 0),
        reminder_after_days integer DEFAULT 3 CHECK (reminder_after_days > 0),
        expires_after_days integer NOT NULL DEFAULT 7 CHECK (expires_after_days > 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT survey_settings_reminder_before_expiry CHECK (reminder_after_days < expires_after_days)
      )`);
    await db.query(`INSERT INTO survey_settings (id) VALUES (1)`);
    await db.query(`
      CREATE TABLE ticket_surveys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        agent_id uuid REFERENCES users(id) ON DELETE SET NULL,
        group_id text,
        token_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        reminded_at timestamptz,
        expires_at timestamptz NOT NULL,
        expired_at timestamptz,
        score integer CHECK (score BETWEEN 1 AND 5),
        comment text,
        answered_at timestamptz,
        CONSTRAINT ticket_surveys_ticket_unique UNIQUE (ticket_id),
        CONSTRAINT ticket_surveys_answer_complete CHECK ((score IS NULL) = (answered_at IS NULL))
      )`);
    await db.query(`CREATE INDEX ticket_surveys_answered ON ticket_surveys (answered_at) WHERE answered_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE ticket_surveys`);
    await db.query(`DROP TABLE survey_settings`);
  }
}
