import type { TicketPriority } from '../domain/tickets/ticket-fields.js';
import type { TimelineEvent } from '../../workflows/ticket/ticket.contract.js';

/**
 * The PostgreSQL NOTIFY channel that carries warnings, breaches and escalations from the worker (which writes them)
 * to every API replica (which pushes them to GraphQL subscribers). NOTIFY is delivered on commit, so subscribers never
 * hear of an event that was rolled back.
 */
export const LIVE_SLA_EVENTS_CHANNEL = 'helpdesk_live_sla_events';

/** One message on the channel: the timeline event and what subscribers filter on. */
export interface LiveSlaEvent extends TimelineEvent {
  ticketId: string;
  groupId: string | null;
  priority: TicketPriority;
  /** Who has the ticket: an agent sees the events of the tickets assigned to them whatever their group. */
  assigneeId?: string | null;
}
