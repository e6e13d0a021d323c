import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The fixed id of the fallback queue: tickets no routing rule takes land there. */
export const FALLBACK_GROUP_ID = '00000000-0000-4000-8000-000000000001';

/**
 * Routing and assignment: groups (queues, one of them the fallback), agents with skills, capacity and availability,
 * their group memberships, the ordered routing rules (libs/domain/routing shapes, camelCase JSON), and the routing
 * columns of tickets (written by the ticket workflow's activities).
 */
export class Routing1795680000000 implements MigrationInterface {
  name = 'Routing1795680000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        is_fallback boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT groups_name_unique UNIQUE (name)
      )`);
    // At most one fallback group.
    await db.query(`CREATE UNIQUE INDEX groups_one_fallback ON groups (is_fallback) WHERE is_fallback`);
    await db.query(`INSERT INTO groups (id, name, is_fallback) VALUES ($1, 'Triage (unrouted)', true)`, [FALLBACK_GROUP_ID]);
    await db.query(`
      CREATE TABLE agents (
        user_id uuid PRIMARY KEY CONSTRAINT agents_user_fk REFERENCES users(id),
        skills jsonb NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        capacity integer NOT NULL DEFAULT 10 CONSTRAINT agents_capacity_range CHECK (capacity BETWEEN 1 AND 1000),
        time_zone text NOT NULL DEFAULT 'UTC',
        working_hours jsonb NOT NULL DEFAULT '[]',
        availability text NOT NULL DEFAULT 'offline' CONSTRAINT agents_availability_known CHECK (availability IN ('online','away','offline')),
        last_assigned_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agents_skills_object CHECK (jsonb_typeof(skills) = 'object'),
        CONSTRAINT agents_working_hours_array CHECK (jsonb_typeof(working_hours) = 'array')
      )`);
    await db.query(`
      CREATE TABLE agent_groups (
        agent_id uuid NOT NULL CONSTRAINT agent_groups_agent_fk REFERENCES agents(user_id) ON DELETE CASCADE,
        group_id uuid NOT NULL CONSTRAINT agent_groups_group_fk REFERENCES groups(id) ON DELETE CASCADE,
        PRIMARY KEY (agent_id, group_id)
      )`);
    await db.query(`CREATE INDEX agent_groups_group ON agent_groups (group_id)`);
    await db.query(`
      CREATE TABLE routing_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        position integer NOT NULL,
        active boolean NOT NULL DEFAULT true,
        criteria jsonb NOT NULL,
        result jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT routing_rules_name_unique UNIQUE (name),
        CONSTRAINT routing_rules_criteria_object CHECK (jsonb_typeof(criteria) = 'object'),
        CONSTRAINT routing_rules_result_object CHECK (jsonb_typeof(result) = 'object')
      )`);
    // The workflow's routing activity loads the active rules in order.
    await db.query(`CREATE INDEX routing_rules_active_position ON routing_rules (active, position)`);
    await db.query(`
      ALTER TABLE tickets
        ADD COLUMN assignee_id uuid REFERENCES users(id),
        ADD COLUMN routing_rule_id uuid,
        ADD COLUMN routed_group_id text,
        ADD COLUMN misrouted boolean NOT NULL DEFAULT false,
        ADD COLUMN fields jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN queued_at timestamptz`);
    // A group's queue: its unassigned tickets waiting for an agent, oldest first.
    await db.query(
      `CREATE INDEX tickets_group_queue ON tickets (group_id, queued_at) WHERE queued_at IS NOT NULL AND assignee_id IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX tickets_group_queue`);
    await db.query(`
      ALTER TABLE tickets
        DROP COLUMN queued_at, DROP COLUMN fields, DROP COLUMN misrouted, DROP COLUMN routed_group_id,
        DROP COLUMN routing_rule_id, DROP COLUMN assignee_id`);
    await db.query(`DROP TABLE routing_rules`);
    await db.query(`DROP TABLE agent_groups`);
    await db.query(`DROP TABLE agents`);
    await db.query(`DROP TABLE groups`);
  }
}
