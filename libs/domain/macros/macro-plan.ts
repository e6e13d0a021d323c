import type { TicketPriority } from '../tickets/ticket-fields.js';
import { transitionError, type TicketStatus } from '../tickets/ticket-status.js';
import type { Macro } from './macro.js';

/** The lifecycle facts of a ticket a macro is applied to. */
export interface MacroTarget {
  status: TicketStatus;
  priority: TicketPriority;
  tags: readonly string[];
}

/** The steps applying a macro takes, each null when it changes nothing, in the order they are taken. */
export interface MacroPlan {
  /** The status once the reply is in (a public reply opens a new ticket, as any public reply does). */
  statusAfterReply: TicketStatus;
  status: TicketStatus | null;
  priority: TicketPriority | null;
  /** The ticket's whole tag list after the macro's tags were added. */
  tags: string[] | null;
}

/**
 * What applying the macro to the ticket would do, or why it cannot (a string): decided before anything is written, so
 * a macro is never half applied (a reply sent, then its status refused).
 */
export function planMacro(ticket: MacroTarget, macro: Pick<Macro, 'public' | 'setStatus' | 'setPriority' | 'addTags'>): MacroPlan | string {
  if (ticket.status === 'closed') return 'The ticket is closed: it takes no more replies.';
  const statusAfterReply = macro.public && ticket.status === 'new' ? 'open' : ticket.status;
  const status = macro.setStatus !== null && macro.setStatus !== statusAfterReply ? macro.setStatus : null;
  if (status !== null) {
    const refusal = transitionError(statusAfterReply, status);
    if (refusal) return `The macro sets the status to ${status}, which this ticket cannot take now: ${refusal}`;
  }
  const priority = macro.setPriority !== null && macro.setPriority !== ticket.priority ? macro.setPriority : null;
  const newTags = macro.addTags.filter((tag) => !ticket.tags.includes(tag));
  return { statusAfterReply, status, priority, tags: newTags.length > 0 ? [...ticket.tags, ...newTags] : null };
}
