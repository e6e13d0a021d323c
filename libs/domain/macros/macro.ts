import { placeholdersOf } from '../email/render-template.js';
import { TICKET_TEXT_VARIABLES } from '../email/email-templates.js';
import { TICKET_LIMITS, type TicketPriority } from '../tickets/ticket-fields.js';
import type { TicketStatus } from '../tickets/ticket-status.js';

/** An admin's canned reply: a text with `{{variables}}`, and optionally a status, a priority and tags to set with it. */
export interface Macro {
  name: string;
  body: string;
  /** false: the reply is an internal note. */
  public: boolean;
  setStatus: TicketStatus | null;
  setPriority: TicketPriority | null;
  /** Added to the ticket's tags (a macro never removes any). */
  addTags: string[];
}

/** A macro's text gets what every text to a customer gets; `agent.name` is the agent applying it. */
export const MACRO_VARIABLES: readonly string[] = TICKET_TEXT_VARIABLES;

/** The statuses a macro may move a ticket to: new is where tickets start, closed only follows solved by itself. */
export const MACRO_TARGET_STATUSES: readonly TicketStatus[] = ['open', 'pending', 'on_hold', 'solved'];

export const MACRO_LIMITS = { nameMaxLength: 100, bodyMaxLength: TICKET_LIMITS.messageMaxLength, maxTags: 20, tagMaxLength: 50 } as const;

/** A problem with one field of a macro, named as the API's input names it. */
export interface MacroProblem {
  field: keyof Macro;
  message: string;
}

/** What is wrong with a macro beyond its fields' shapes (which the API's DTO checks): unknown variables, a status it may not set. */
export function macroProblems(macro: Pick<Macro, 'body' | 'setStatus'>): MacroProblem[] {
  const problems: MacroProblem[] = [];
  const unknown = placeholdersOf(macro.body).filter((name) => !MACRO_VARIABLES.includes(name));
  if (unknown.length > 0) {
    const names = unknown.map((name) => `{{${name}}}`).join(', ');
    problems.push({ field: 'body', message: `body uses unknown variable(s) ${names}; a macro may use ${MACRO_VARIABLES.join(', ')}.` });
  }
  if (macro.setStatus !== null && !MACRO_TARGET_STATUSES.includes(macro.setStatus)) {
    problems.push({ field: 'setStatus', message: `setStatus must be one of ${MACRO_TARGET_STATUSES.join(', ')}.` });
  }
  return problems;
}
