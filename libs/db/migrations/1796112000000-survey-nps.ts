import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The optional NPS question on satisfaction surveys. `survey_settings.ask_nps` is the admin's switch; a survey row
 * copies it into `asks_nps` when it is written (from the settings the survey started with), so an answer is judged by
 * the question its customer was actually shown. `nps_score` stays null when the customer skipped the question.
 */
export class SurveyNps1796112000000 implements MigrationInterface {
  name = 'SurveyNps1796112000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE survey_settings ADD COLUMN ask_nps boolean NOT NULL DEFAULT false`);
    await db.query(`
      ALTER TABLE ticket_surveys
        ADD COLUMN asks_nps boolean NOT NULL DEFAULT false,
        ADD COLUMN nps_score integer CHECK (nps_score BETWEEN 0 AND 10),
        ADD CONSTRAINT ticket_surveys_nps_asked CHECK (nps_score IS NULL OR (asks_nps AND answered_at IS NOT NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ticket_surveys DROP CONSTRAINT ticket_surveys_nps_asked, DROP COLUMN nps_score, DROP COLUMN asks_nps`);
    await db.query(`ALTER TABLE survey_settings DROP COLUMN ask_nps`);
  }
}
