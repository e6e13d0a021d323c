import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service requests after their ticket exists (issue 15): a fulfilment task is a ticket of type task that points at its
 * request and knows its place in the item's order (written once, when the task's workflow writes its row); a request's
 * approval step, written only by the request's fulfilment workflow (`service-request:<ticketId>`), read by the API to
 * decide who may approve and to list what waits on whom.
 */
export class ServiceRequestFulfilment1797400000100 implements MigrationInterface {
  name = 'ServiceRequestFulfilment1797400000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tickets ADD COLUMN parent_request_id uuid NULL REFERENCES tickets(id)`);
    await db.query(`ALTER TABLE tickets ADD COLUMN task_position integer NULL`);
    await db.query(`CREATE INDEX tickets_parent_request ON tickets (parent_request_id, task_position) WHERE parent_request_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE service_request_approvals (
        request_id uuid PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
        approver_user_id uuid NULL,
        approver_role text NULL,
        state text NOT NULL CONSTRAINT service_request_approvals_state CHECK (state IN ('pending', 'approved', 'rejected')),
        requested_at timestamptz NOT NULL,
        escalated_at timestamptz NULL,
        escalated_to uuid NULL,
        decided_by uuid NULL,
        decided_at timestamptz NULL,
        reason text NULL
      )`);
    // pendingApprovals: what waits on a named approver, an escalation target, or a role.
    await db.query(`CREATE INDEX service_request_approvals_pending ON service_request_approvals (state) WHERE state = 'pending'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE service_request_approvals`);
    await db.query(`DROP INDEX tickets_parent_request`);
    await db.query(`ALTER TABLE tickets DROP COLUMN task_position`);
    await db.query(`ALTER TABLE tickets DROP COLUMN parent_request_id`);
  }
}
