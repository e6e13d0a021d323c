import type { DataSource } from 'typeorm';
import { LIVE_SLA_EVENTS_CHANNEL, type LiveSlaEvent } from '../../libs/db/live-sla-events.js';
import { refreshTicketReportFacts } from '../../libs/db/reporting/ticket-report-facts.js';
import {
  LIVE_SLA_EVENT_TYPES,
  type LifecycleSnapshot,
  type NewTicket,
  type PersistedTicket,
} from '../../workflows/ticket/ticket.contract.js';
import { ticketTypeOrDefault } from '../../libs/domain/tickets/ticket-type.js';

export interface TicketLifecycleActivityDeps {
  dataSource: DataSource;
}

/** The ticket workflow's side effects. Each one is idempotent: a retry leaves what a single run would. */
export function createTicketLifecycleActivities({ dataSource }: TicketLifecycleActivityDeps) {
  return {
    /** Writes the ticket row once; a retry (or a second workflow run) finds it and returns the same number. */
    async persistTicket(ticket: NewTicket): Promise<PersistedTicket> {
      const written = await dataSource.query<Array<{ number: string; created_at: Date }>>(
        `INSERT INTO tickets (id, subject, description, requester_email, channel, priority, status, lifecycle_version,
                              created_by, idempotency_key, created_at, updated_at, group_id, organization_id,
                              customer_tier, tags, follow_up_of, fields, type, service_id, request_item_id, request_values)
         VALUES ($1, $2, $3, $4, $5, $6, 'new', 0, $7, $8, $9, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
         ON CONFLICT (id) DO NOTHING
         RETURNING number, created_at`,
        [
          ticket.id,
          ticket.subject,
          ticket.description,
          ticket.requesterEmail,
          ticket.channel,
          ticket.priority,
          ticket.createdBy,
          ticket.idempotencyKey,
          ticket.createdAt,
          ticket.groupId,
          ticket.organizationId,
          ticket.customerTier,
          ticket.tags,
          ticket.followUpOf,
          ticket.fields ?? {},
          ticketTypeOrDefault(ticket.type, ticket.channel),
          ticket.service?.serviceId ?? null,
          ticket.service?.requestItemId ?? null,
          ticket.service?.values ?? null,
        ],
      );
      if (ticket.parentRequestId) {
        // A fulfilment task's link to its request: written once, by the retry too if the first try stopped after the insert.
        await dataSource.query('UPDATE tickets SET parent_request_id = $2, task_position = $3 WHERE id = $1 AND parent_request_id IS NULL', [
          ticket.id,
          ticket.parentRequestId,
          ticket.taskPosition ?? null,
        ]);
      }
      // Written now, or by an earlier attempt (the insert then returns nothing): the row says which number it got.
      const [row] =
        written.length > 0
          ? written
          : await dataSource.query<Array<{ number: string; created_at: Date }>>('SELECT number, created_at FROM tickets WHERE id = $1', [ticket.id]);
      return { number: String(row.number), createdAt: row.created_at.toISOString() };
    },

    /**
     * Writes the lifecycle read model unless a newer version is already there, appends the timeline events and
     * recomputes the ticket's report facts from them (in the same transaction, so reports never lag the timeline).
     * Warnings, breaches and escalations newly written are announced on a PostgreSQL channel, delivered only on commit
     * and only once (a retried write inserts nothing new), for the API's live subscription.
     */
    async recordLifecycle(snapshot: LifecycleSnapshot): Promise<void> {
      await dataSource.transaction(async (tx) => {
        await tx.query(
          `UPDATE tickets SET status = $2, priority = $3, lifecycle_version = $4, group_id = $5, organization_id = $6,
                  customer_tier = $7, tags = $8, sla_policy_id = $9, sla_policy_name = $10, sla_deadline = $11,
                  sla_deadline_metric = $12, sla_breached_at = $13, escalation_level = $14, solved_at = $15,
                  closed_at = $16, assignee_id = $17, routing_rule_id = $18, routed_group_id = $19, misrouted = $20,
                  fields = CASE WHEN $21::jsonb IS NULL THEN fields
                                ELSE (fields || jsonb_strip_nulls($21::jsonb))
                                     - ARRAY(SELECT key FROM jsonb_each($21::jsonb) WHERE value = 'null'::jsonb) END,
                  type = COALESCE($22, type),
                  problem_id = CASE WHEN $23::boolean THEN $24::uuid ELSE problem_id END,
                  updated_at = now()
           WHERE id = $1 AND lifecycle_version < $4`,
          [
            snapshot.ticketId,
            snapshot.status,
            snapshot.priority,
            snapshot.lifecycleVersion,
            snapshot.groupId,
            snapshot.organizationId,
            snapshot.customerTier,
            snapshot.tags,
            snapshot.slaPolicyId,
            snapshot.slaPolicyName,
            snapshot.slaDeadline,
            snapshot.slaDeadlineMetric,
            snapshot.slaBreachedAt,
            snapshot.escalationLevel,
            snapshot.solvedAt,
            snapshot.closedAt,
            snapshot.assigneeId,
            snapshot.routingRuleId,
            snapshot.routedGroupId,
            snapshot.misrouted,
            snapshot.fieldChanges ?? null, // only an agent's change of the custom fields carries them
            snapshot.type ?? null, // a workflow of code older than ticket types sends none: the row keeps its own
            snapshot.problemLink !== undefined, // only a link or unlink carries it; other writes leave the column alone
            snapshot.problemLink?.problemId ?? null,
          ],
        );
        // One statement for all the snapshot's events (a creation writes four to six): a round trip each was most of
        // this write's time.
        const inserted = await tx.query<Array<{ sequence: number }>>(
          `INSERT INTO ticket_events (ticket_id, sequence, type, actor, occurred_at, data)
           SELECT $1, e.sequence, e.type, e.actor, e."occurredAt", e.data
             FROM jsonb_to_recordset($2::jsonb) AS e(sequence integer, type text, actor text, "occurredAt" timestamptz, data jsonb)
            ORDER BY e.sequence
           ON CONFLICT (ticket_id, sequence) DO NOTHING RETURNING sequence`,
          [snapshot.ticketId, JSON.stringify(snapshot.events)],
        );
        const insertedSequences = new Set(inserted.map((row) => row.sequence));
        for (const event of snapshot.events) {
          if (!insertedSequences.has(event.sequence) || !LIVE_SLA_EVENT_TYPES.includes(event.type)) continue;
          const live: LiveSlaEvent = {
            ticketId: snapshot.ticketId,
            groupId: snapshot.groupId,
            priority: snapshot.priority,
            assigneeId: snapshot.assigneeId,
            ...event,
          };
          await tx.query('SELECT pg_notify($1, $2)', [LIVE_SLA_EVENTS_CHANNEL, JSON.stringify(live)]);
        }
        await refreshTicketReportFacts((text, values) => tx.query(text, values), [snapshot.ticketId]);
      });
    },
  };
}

export type TicketLifecycleActivities = ReturnType<typeof createTicketLifecycleActivities>;
