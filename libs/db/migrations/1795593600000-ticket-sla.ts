import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ticket facts SLA policies match on, and the SLA read model the ticket workflow writes: the next deadline (indexed:
 * the at-risk list reads it), the first breach, the escalation level, and the solved/closed instants.
 */
export class TicketSla1795593600000 implements MigrationInterface {
  name = 'TicketSla1795593600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tickets
        ADD COLUMN organization_id text,
        ADD COLUMN customer_tier text,
        ADD COLUMN group_id text,
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN follow_up_of uuid REFERENCES tickets(id),
        ADD COLUMN sla_policy_id uuid,
        ADD COLUMN sla_policy_name text,
        ADD COLUMN sla_deadline timestamptz,
        ADD COLUMN sla_deadline_metric text CHECK (sla_deadline_metric IN ('first_reply','next_reply','resolution')),
        ADD COLUMN sla_breached_at timestamptz,
        ADD COLUMN escalation_level integer NOT NULL DEFAULT 0,
        ADD COLUMN solved_at timestamptz,
        ADD COLUMN closed_at timestamptz`);
    // Only tickets with a running clock have a deadline: the index stays as small as the open work.
    await db.query(`CREATE INDEX tickets_sla_deadline ON tickets (sla_deadline) WHERE sla_deadline IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX tickets_sla_deadline`);
    await db.query(`
      ALTER TABLE tickets
        DROP COLUMN organization_id, DROP COLUMN customer_tier, DROP COLUMN group_id, DROP COLUMN tags,
        DROP COLUMN follow_up_of, DROP COLUMN sla_policy_id, DROP COLUMN sla_policy_name, DROP COLUMN sla_deadline,
        DROP COLUMN sla_deadline_metric, DROP COLUMN sla_breached_at, DROP COLUMN escalation_level,
        DROP COLUMN solved_at, DROP COLUMN closed_at`);
  }
}
