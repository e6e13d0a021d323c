import type { MigrationInterface, QueryRunner } from 'typeorm';
import { shippedRolloutTemplates } from '../shipped-rollout-templates.js';

/**
 * Rollouts: plan templates (seeded once from templates/rollouts, then the admins' to edit), rollouts created from them
 * (with the plan as it was, the people per role, the baseline and what gates read), their timeline, and the costs and
 * benefits the ROI is computed from. Tasks, gates and the pilot's progress are the rollout workflow's state.
 */
export class Rollouts1796025600000 implements MigrationInterface {
  name = 'Rollouts1796025600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rollout_templates (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        body jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const template of shippedRolloutTemplates()) {
      await db.query(`INSERT INTO rollout_templates (id, name, description, body) VALUES ($1, $2, $3, $4)`, [
        template.id,
        template.name,
        template.description,
        JSON.stringify(template),
      ]);
    }
    await db.query(`
      CREATE TABLE rollouts (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        template_id text NOT NULL REFERENCES rollout_templates(id),
        plan jsonb NOT NULL,
        start_date date NOT NULL,
        target_go_live date CHECK (target_go_live >= start_date),
        people jsonb NOT NULL,
        lead_id uuid NOT NULL REFERENCES users(id),
        baseline jsonb,
        baseline_source text CHECK (baseline_source IN ('entered','migrated_history')),
        migration_run_id uuid,
        routing_simulation jsonb,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE rollout_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        rollout_id uuid NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
        sequence integer NOT NULL,
        type text NOT NULL,
        actor text NOT NULL,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT rollout_events_rollout_sequence_unique UNIQUE (rollout_id, sequence)
      )`);
    await db.query(`
      CREATE TABLE rollout_money (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rollout_id uuid NOT NULL REFERENCES rollouts(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('cost','benefit')),
        amount numeric(14,2) NOT NULL CHECK (amount >= 0),
        description text NOT NULL,
        recorded_by uuid REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX rollout_money_rollout ON rollout_money (rollout_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rollout_money`);
    await db.query(`DROP TABLE rollout_events`);
    await db.query(`DROP TABLE rollouts`);
    await db.query(`DROP TABLE rollout_templates`);
  }
}
