import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an agent last set their availability, so routing can tell an agent who set themselves online after their working
 * hours from one who merely stayed online (libs/domain/routing/working-hours.ts). Existing agents take the time of
 * their last audited availability change.
 */
export class AgentAvailabilityChangedAt1796800001600 implements MigrationInterface {
  name = 'AgentAvailabilityChangedAt1796800001600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE agents ADD COLUMN availability_changed_at timestamptz`);
    await db.query(`
      UPDATE agents a SET availability_changed_at = (
        SELECT max(l.at) FROM audit_log l
         WHERE l.entity_type = 'agent' AND l.entity_id = a.user_id::text AND l.action = 'agent.availability_changed')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE agents DROP COLUMN availability_changed_at`);
  }
}
