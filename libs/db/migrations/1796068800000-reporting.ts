import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting's read model: one row of facts per ticket (libs/domain/reporting/ticket-facts.ts), rewritten in the same
 * transaction as every timeline write and every migration batch that touches the ticket. The ticket's dimensions are
 * copied in, so a report scans one table. Existing tickets get their rows from the worker at start-up.
 */
export class Reporting1796068800000 implements MigrationInterface {
  name = 'Reporting1796068800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE ticket_report_facts (
        ticket_id uuid PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        solved_at timestamptz,
        done_at timestamptz,
        status text NOT NULL,
        channel text NOT NULL,
        priority text NOT NULL,
        group_id text,
        assignee_id uuid,
        organization_id text,
        sla_policy_id uuid,
        tags text[] NOT NULL DEFAULT '{}',
        requester text NOT NULL,
        imported boolean NOT NULL,
        first_reply_minutes float8,
        first_reply_business_minutes float8,
        resolution_minutes float8,
        resolution_business_minutes float8,
        next_reply_minutes float8[] NOT NULL DEFAULT '{}',
        waiting_on_customer_minutes float8 NOT NULL DEFAULT 0,
        public_agent_replies integer NOT NULL DEFAULT 0,
        reopens integer NOT NULL DEFAULT 0,
        one_touch boolean NOT NULL DEFAULT false,
        first_contact_resolved boolean NOT NULL DEFAULT false,
        escalations integer NOT NULL DEFAULT 0,
        reassignments integer NOT NULL DEFAULT 0,
        routed boolean NOT NULL DEFAULT false,
        misrouted boolean NOT NULL DEFAULT false,
        sla_first_reply_met integer NOT NULL DEFAULT 0,
        sla_first_reply_breached integer NOT NULL DEFAULT 0,
        sla_next_reply_met integer NOT NULL DEFAULT 0,
        sla_next_reply_breached integer NOT NULL DEFAULT 0,
        sla_resolution_met integer NOT NULL DEFAULT 0,
        sla_resolution_breached integer NOT NULL DEFAULT 0,
        sla_breaches integer NOT NULL DEFAULT 0,
        sla_minutes_past_deadline float8[] NOT NULL DEFAULT '{}',
        sla_warnings_met integer NOT NULL DEFAULT 0,
        refreshed_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Reports select by range on one of the two anchors; repeat contacts look up a requester's later tickets.
    await db.query(`CREATE INDEX ticket_report_facts_created ON ticket_report_facts (created_at)`);
    await db.query(`CREATE INDEX ticket_report_facts_solved ON ticket_report_facts (solved_at) WHERE solved_at IS NOT NULL`);
    await db.query(`CREATE INDEX ticket_report_facts_requester ON ticket_report_facts (requester, created_at)`);
    // The backlog reads tickets not done at an instant: the open ones, and the ones done since.
    await db.query(`CREATE INDEX ticket_report_facts_open ON ticket_report_facts (created_at) WHERE done_at IS NULL`);
    // Refreshing facts reads the timelines of up to 2,000 tickets at once. ANALYZE's sample underestimates the distinct
    // tickets of a timeline table whose rows come in runs per ticket (111,648 estimated for 1,000,000 in the reporting
    // benchmark), which turned that read into a scan of the whole table; a timeline holds about 20 events a ticket.
    await db.query(`ALTER TABLE ticket_events ALTER COLUMN ticket_id SET (n_distinct = -0.05)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ticket_events ALTER COLUMN ticket_id RESET (n_distinct)`);
    await db.query(`DROP TABLE ticket_report_facts`);
  }
}
