import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admin configuration of SLAs: business calendars, escalation policies, SLA policies and the help desk settings.
 * The ticket workflow's activities read these tables with plain SQL, so the columns hold the domain shapes as they are
 * (libs/domain/calendar, libs/domain/sla, libs/domain/escalation), in camelCase JSON.
 */
export class SlaConfiguration1795507200000 implements MigrationInterface {
  name = 'SlaConfiguration1795507200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE business_calendars (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        time_zone text NOT NULL,
        intervals jsonb NOT NULL,
        holidays jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT business_calendars_name_unique UNIQUE (name),
        CONSTRAINT business_calendars_intervals_array CHECK (jsonb_typeof(intervals) = 'array'),
        CONSTRAINT business_calendars_holidays_array CHECK (jsonb_typeof(holidays) = 'array')
      )`);
    await db.query(`
      CREATE TABLE escalation_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        steps jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT escalation_policies_name_unique UNIQUE (name),
        CONSTRAINT escalation_policies_steps_array CHECK (jsonb_typeof(steps) = 'array')
      )`);
    await db.query(`
      CREATE TABLE sla_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        position integer NOT NULL CHECK (position >= 0),
        active boolean NOT NULL DEFAULT true,
        conditions jsonb NOT NULL DEFAULT '{}',
        targets jsonb NOT NULL,
        pause_while jsonb NOT NULL,
        warning_thresholds jsonb NOT NULL,
        calendar_id uuid CONSTRAINT sla_policies_calendar_fk REFERENCES business_calendars(id),
        escalation_policy_id uuid CONSTRAINT sla_policies_escalation_policy_fk REFERENCES escalation_policies(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sla_policies_name_unique UNIQUE (name),
        CONSTRAINT sla_policies_conditions_object CHECK (jsonb_typeof(conditions) = 'object'),
        CONSTRAINT sla_policies_targets_object CHECK (jsonb_typeof(targets) = 'object'),
        CONSTRAINT sla_policies_pause_while_object CHECK (jsonb_typeof(pause_while) = 'object'),
        CONSTRAINT sla_policies_warning_thresholds_array CHECK (jsonb_typeof(warning_thresholds) = 'array')
      )`);
    // The workflow picks the first active policy by position.
    await db.query(`CREATE INDEX sla_policies_active_position ON sla_policies (active, position)`);
    // Deleting a calendar or an escalation policy looks for the SLA policies that use it.
    await db.query(`CREATE INDEX sla_policies_calendar ON sla_policies (calendar_id) WHERE calendar_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX sla_policies_escalation_policy ON sla_policies (escalation_policy_id) WHERE escalation_policy_id IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE helpdesk_settings (
        id smallint PRIMARY KEY CHECK (id = 1),
        auto_close_days integer NOT NULL DEFAULT 4 CHECK (auto_close_days BETWEEN 1 AND 365),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`INSERT INTO helpdesk_settings (id) VALUES (1)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE helpdesk_settings`);
    await db.query(`DROP TABLE sla_policies`);
    await db.query(`DROP TABLE escalation_policies`);
    await db.query(`DROP TABLE business_calendars`);
  }
}
