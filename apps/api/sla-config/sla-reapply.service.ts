import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { reapplySlaPolicyUpdate, ticketWorkflowId } from '../../../workflows/ticket/ticket.contract.js';
import { AuditService } from '../audit/audit.service.js';
import type { SlaReapplyResultModel } from './models/sla-reapply-result.model.js';

/** Updates in flight at once: enough to get through thousands of tickets, few enough to leave the worker to live ones. */
const PARALLEL_UPDATES = 8;
const OPEN_STATUSES = ['new', 'open', 'pending', 'on_hold'];

/**
 * Re-applies the SLA policies to every open ticket: each ticket's workflow chooses its policy again for its current
 * facts (as after a change of priority or group) and re-targets its clocks. Tickets choose a policy when they start;
 * one created later — e.g. after a migration imported open tickets — reaches them only this way. Audited.
 */
@Injectable()
export class SlaReapplyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
    private readonly audit: AuditService,
  ) {}

  async reapplyToOpenTickets(actorUserId: string): Promise<SlaReapplyResultModel> {
    // Tickets whose workflow has written its first state: one still starting chooses its policy as it starts.
    const tickets = await this.dataSource.query<Array<{ id: string; sla_policy_id: string | null }>>(
      'SELECT id, sla_policy_id FROM tickets WHERE status = ANY($1) AND lifecycle_version > 0 ORDER BY created_at',
      [OPEN_STATUSES],
    );
    const result: SlaReapplyResultModel = { openTickets: tickets.length, updated: 0, unchanged: 0, failed: 0 };
    let next = 0;
    const lane = async () => {
      while (next < tickets.length) {
        const ticket = tickets[next++];
        try {
          const state = await this.temporal.workflow
            .getHandle(ticketWorkflowId(ticket.id))
            .executeUpdate(reapplySlaPolicyUpdate, { args: [{ actorUserId }] });
          if ((state.rules?.policy?.id ?? null) !== ticket.sla_policy_id) result.updated += 1;
          else result.unchanged += 1;
        } catch {
          result.failed += 1; // closed since it was listed, or its workflow unreachable: counted, the others go on
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_UPDATES }, lane));
    await this.audit.record({
      actorUserId,
      action: 'sla_policy.reapplied',
      entityType: 'sla_policy',
      entityId: 'open-tickets',
      before: null,
      after: { ...result },
    });
    return result;
  }
}
