import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incident and problem KPIs (issue 15): the report facts carry the ticket's type and its problem link, refreshed with
 * the rest of its facts. The facts index yields each problem's first incident from the index alone (repeated
 * incidents); the partial search index serves suggesting open problems for an incident (only open problems are ever
 * searched, a small share of the tickets). A migration's incidents listed before their problem wait for it in
 * migration_pending_problem_links (Zendesk's problem_id).
 */
export class IncidentProblemFacts1797400000200 implements MigrationInterface {
  name = 'IncidentProblemFacts1797400000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ticket_report_facts ADD COLUMN type text NOT NULL DEFAULT 'question', ADD COLUMN problem_id uuid NULL`);
    await db.query(
      `UPDATE ticket_report_facts f SET type = t.type, problem_id = t.problem_id
         FROM tickets t WHERE t.id = f.ticket_id AND (t.type <> 'question' OR t.problem_id IS NOT NULL)`,
    );
    await db.query(`CREATE INDEX ticket_report_facts_problem ON ticket_report_facts (problem_id, created_at, ticket_id) WHERE problem_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX tickets_open_problem_search ON tickets USING gin (search_vector) WHERE type = 'problem' AND status NOT IN ('solved', 'closed')`,
    );
    await db.query(`
      CREATE TABLE migration_pending_problem_links (
        incident_id uuid PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
        source_key text NOT NULL,
        problem_source_id text NOT NULL
      )`);
    await db.query(`CREATE INDEX migration_pending_problem_links_problem ON migration_pending_problem_links (source_key, problem_source_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE migration_pending_problem_links`);
    await db.query(`DROP INDEX tickets_open_problem_search`);
    await db.query(`DROP INDEX ticket_report_facts_problem`);
    await db.query(`ALTER TABLE ticket_report_facts DROP COLUMN problem_id, DROP COLUMN type`);
  }
}
