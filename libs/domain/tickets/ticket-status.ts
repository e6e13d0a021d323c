/** A ticket's statuses and the transitions between them. The ticket workflow is the only place that applies them. */
export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

const ALLOWED_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'on_hold', 'solved'],
  open: ['pending', 'on_hold', 'solved'],
  pending: ['open', 'on_hold', 'solved'],
  on_hold: ['open', 'pending', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return ALLOWED_TRANSITIONS[from];
}

export function isTicketStatus(value: string): value is TicketStatus {
  return (TICKET_STATUSES as readonly string[]).includes(value);
}

/** Returns why the transition is refused, or null when it is allowed. */
export function transitionError(from: TicketStatus, to: TicketStatus): string | null {
  if (from === to) return `The ticket is already ${from}.`;
  const allowed = ALLOWED_TRANSITIONS[from];
  if (allowed.includes(to)) return null;
  if (allowed.length === 0) return `The ticket is ${from}, which is final: its status cannot change.`;
  return `The ticket cannot go from ${from} to ${to}; from ${from} it can go to: ${allowed.join(', ')}.`;
}
