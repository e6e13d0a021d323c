import { TICKET_PRIORITIES, type TicketPriority } from '../tickets/ticket-fields.js';

/** One step up the priority ladder (low → normal → high → urgent); urgent stays urgent. */
export function raisedPriority(priority: TicketPriority): TicketPriority {
  const index = TICKET_PRIORITIES.indexOf(priority);
  return TICKET_PRIORITIES[Math.min(index + 1, TICKET_PRIORITIES.length - 1)];
}
