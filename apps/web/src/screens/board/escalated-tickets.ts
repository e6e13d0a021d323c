/** A ticket as the escalation queue reads it. */
export interface EscalationCandidate {
  id: string;
  number: string;
  subject: string;
  escalationLevel: number;
  sla: { awaitingAcknowledgement: boolean };
}

/**
 * The tickets whose escalation repeats until acknowledged, once each: from the at-risk list (escalations on warnings
 * and breaches of running clocks) and from the breached tickets (a breach's escalation keeps repeating after the reply
 * that stopped its clock took the ticket off the at-risk list). Highest escalation level first, then in list order.
 */
export function awaitingAcknowledgement<T extends EscalationCandidate>(...lists: ReadonlyArray<readonly T[]>): T[] {
  const byId = new Map<string, T>();
  for (const ticket of lists.flat()) if (ticket.sla.awaitingAcknowledgement && !byId.has(ticket.id)) byId.set(ticket.id, ticket);
  return [...byId.values()].sort((a, b) => b.escalationLevel - a.escalationLevel);
}
