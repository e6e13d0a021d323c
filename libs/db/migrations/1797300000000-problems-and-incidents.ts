import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Problems and their incidents (issue 15): an incident's link to its problem (written by the incident's workflow, like
 * the rest of its lifecycle; the index serves a problem's incidents), and a problem's known error, content an agent
 * writes (kept here, put on the problem's timeline by its workflow). A problem removed (a migration rolled back) leaves
 * its incidents unlinked.
 */
export class ProblemsAndIncidents1797300000000 implements MigrationInterface {
  name = 'ProblemsAndIncidents1797300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tickets ADD COLUMN problem_id uuid NULL REFERENCES tickets(id) ON DELETE SET NULL`);
    await db.query(`CREATE INDEX tickets_problem ON tickets (problem_id) WHERE problem_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE problem_known_errors (
        problem_id uuid PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
        note text NOT NULL,
        workaround text NOT NULL,
        set_by uuid NOT NULL REFERENCES users(id),
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE problem_known_errors`);
    await db.query(`DROP INDEX tickets_problem`);
    await db.query(`ALTER TABLE tickets DROP COLUMN problem_id`);
  }
}
