import { placeholdersOf } from '../email/render-template.js';
import { TICKET_TEXT_VARIABLES } from '../email/email-templates.js';
import type { TicketStatus } from './ticket-status.js';
import type { TicketType } from './ticket-type.js';

// Problems and their incidents (issue 15, ITIL problem management): which tickets may link, what counts as a repeated
// incident, which incidents a solved problem solves.

/** The facts of a ticket the link rules look at. */
export interface LinkableTicket {
  id: string;
  number: string;
  type: TicketType;
  /** The problem the ticket is linked to already (only incidents have one). */
  problemId: string | null;
}

/** Why a link is refused, naming the input field at fault as the API names it. */
export interface ProblemLinkRefusal {
  field: 'incidentId' | 'problemId';
  message: string;
}

/**
 * Only an incident links, only to a problem, never to itself, and to one problem at a time (moving it to another is an
 * unlink first: each problem's timeline then shows its incident leave). Linking to the problem it has already: no refusal.
 */
export function problemLinkRefusal(incident: LinkableTicket, problem: LinkableTicket): ProblemLinkRefusal | null {
  if (incident.id === problem.id) return { field: 'problemId', message: `problemId: ticket #${problem.number} cannot be linked to itself.` };
  if (incident.type !== 'incident') {
    return { field: 'incidentId', message: `incidentId: ticket #${incident.number} is a ${incident.type}; only an incident links to a problem.` };
  }
  if (problem.type !== 'problem') {
    return { field: 'problemId', message: `problemId: ticket #${problem.number} is a ${problem.type}; an incident links only to a problem.` };
  }
  if (incident.problemId !== null && incident.problemId !== problem.id) {
    return { field: 'incidentId', message: `incidentId: ticket #${incident.number} is linked to another problem; unlink it first.` };
  }
  return null;
}

/**
 * Repeated incidents: the incidents linked to a problem beyond the first. The first shows the fault; every further one
 * is the same fault hitting again, which is what a problem's open time costs.
 */
export function repeatedIncidentCount(linkedIncidents: number): number {
  return Math.max(0, linkedIncidents - 1);
}

/** Solving a problem solves its linked incidents that are still worked: not those already solved or closed. */
export function solvesWithProblem(incidentStatus: TicketStatus): boolean {
  return incidentStatus !== 'solved' && incidentStatus !== 'closed';
}

/** Size limits of a problem's known error (its note and its workaround each). */
export const KNOWN_ERROR_LIMITS = { textMaxLength: 5_000 } as const;

/** The variables the reply to a problem's incidents may use: those of any text to a customer, filled per incident. */
export const PROBLEM_REPLY_VARIABLES: readonly string[] = TICKET_TEXT_VARIABLES;

/** What is wrong with the reply a solved problem sends its incidents' requesters, or null. */
export function problemReplyError(reply: string): string | null {
  if (reply.trim() === '') return 'replyToIncidents must not be empty: each incident’s requester is told the problem is solved.';
  const unknown = placeholdersOf(reply).filter((name) => !PROBLEM_REPLY_VARIABLES.includes(name));
  if (unknown.length === 0) return null;
  const names = unknown.map((name) => `{{${name}}}`).join(', ');
  return `replyToIncidents uses unknown variable(s) ${names}; it may use ${PROBLEM_REPLY_VARIABLES.join(', ')}.`;
}
