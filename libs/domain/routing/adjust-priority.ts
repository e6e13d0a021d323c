import { TICKET_PRIORITIES, type TicketPriority } from '../tickets/ticket-fields.js';

/**
 * `steps` up (+) or down (−) the priority list (low, normal, high, urgent), clamped at both ends: urgent + 2 is
 * urgent, normal − 3 is low. A fractional step count is truncated toward zero; a non-finite one changes nothing.
 */
export function adjustPriority(priority: TicketPriority, steps: number): TicketPriority {
  const whole = Number.isFinite(steps) ? Math.trunc(steps) : 0;
  const index = TICKET_PRIORITIES.indexOf(priority) + whole;
  return TICKET_PRIORITIES[Math.min(Math.max(index, 0), TICKET_PRIORITIES.length - 1)];
}
