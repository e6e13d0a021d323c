import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agent workspace over tickets: list filters, sorts and full-text search served by indexes, and per-group ticket
 * visibility.
 *
 * - Every sort the list offers walks a btree on (sort key, id), which is also its keyset. Priority sorts by rank (low 1
 *   … urgent 4), not alphabetically, and tickets with no running SLA clock sort after every deadline: both keys are
 *   generated columns, so the list and its index use the very same expression.
 * - The common filters (assignee, group, organization, requester) have an index each, ordered by creation within the
 *   filter value as the default list is; tags and custom fields are GIN-indexed for containment (`@>`).
 * - Full-text search as the knowledge base does it: generated, weighted tsvectors (subject A, description B; each
 *   message its own) with english stemming, GIN-indexed.
 * - `groups.visible_to_all_agents`, true by default: every group keeps today's behaviour (every agent sees its
 *   tickets) until an admin restricts it to its members (supervisors and admins always see all).
 */
export class TicketWorkspace1796345600000 implements MigrationInterface {
  name = 'TicketWorkspace1796345600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tickets
        ADD COLUMN priority_rank smallint GENERATED ALWAYS AS (
          CASE priority WHEN 'low' THEN 1 WHEN 'normal' THEN 2 WHEN 'high' THEN 3 WHEN 'urgent' THEN 4 END) STORED,
        ADD COLUMN sla_deadline_sort timestamptz GENERATED ALWAYS AS (COALESCE(sla_deadline, 'infinity'::timestamptz)) STORED,
        ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', subject), 'A') || setweight(to_tsvector('english', description), 'B')) STORED`);
    await db.query(`ALTER TABLE ticket_messages ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED`);

    await db.query(`CREATE INDEX tickets_updated_at_id ON tickets (updated_at, id)`);
    await db.query(`CREATE INDEX tickets_priority_rank_id ON tickets (priority_rank, id)`);
    await db.query(`CREATE INDEX tickets_sla_deadline_sort_id ON tickets (sla_deadline_sort, id)`);
    await db.query(`CREATE INDEX tickets_assignee_created ON tickets (assignee_id, created_at, id)`);
    await db.query(`CREATE INDEX tickets_group_created ON tickets (group_id, created_at, id)`);
    // A group's at-risk board: its tickets by next deadline (without it, the group filter takes the index above and sorts).
    await db.query(`CREATE INDEX tickets_sla_deadline_by_group ON tickets (group_id, sla_deadline, id) WHERE sla_deadline IS NOT NULL`);
    await db.query(`CREATE INDEX tickets_organization_created ON tickets (organization_id, created_at, id)`);
    await db.query(`CREATE INDEX tickets_requester_created ON tickets (requester_email, created_at, id)`);
    await db.query(`CREATE INDEX tickets_tags ON tickets USING gin (tags)`);
    await db.query(`CREATE INDEX tickets_fields ON tickets USING gin (fields jsonb_path_ops)`);
    await db.query(`CREATE INDEX tickets_search ON tickets USING gin (search_vector)`);
    await db.query(`CREATE INDEX ticket_messages_search ON ticket_messages USING gin (search_vector)`);

    await db.query(`ALTER TABLE groups ADD COLUMN visible_to_all_agents boolean NOT NULL DEFAULT true`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE groups DROP COLUMN visible_to_all_agents`);
    await db.query(`ALTER TABLE ticket_messages DROP COLUMN search_vector`);
    for (const index of [
      'tickets_fields', 'tickets_tags', 'tickets_requester_created', 'tickets_organization_created', 'tickets_group_created',
      'tickets_sla_deadline_by_group', 'tickets_assignee_created',
    ]) {
      await db.query(`DROP INDEX ${index}`);
    }
    // Dropping the generated columns drops the indexes on them.
    await db.query(`ALTER TABLE tickets DROP COLUMN search_vector, DROP COLUMN sla_deadline_sort, DROP COLUMN priority_rank`);
    await db.query(`DROP INDEX tickets_updated_at_id`);
  }
}
