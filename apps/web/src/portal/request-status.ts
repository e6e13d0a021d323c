import type { TicketStatus } from '../gql/schema-types';

/** How a request's status reads to the customer who sent it: a word, a badge tone, and what happens next. */
export interface RequestStatusView {
  label: string;
  badge: 'badge-info' | 'badge-warn' | 'badge-ok' | '';
  next: string;
}

const VIEWS: Record<TicketStatus, RequestStatusView> = {
  NEW: { label: 'New', badge: 'badge-info', next: 'We have your request; an agent will pick it up soon.' },
  OPEN: { label: 'Open', badge: 'badge-info', next: 'An agent is working on your request.' },
  PENDING: { label: 'Waiting for you', badge: 'badge-warn', next: 'We asked you something: answer below so we can go on.' },
  ON_HOLD: { label: 'On hold', badge: 'badge-warn', next: 'We are waiting on someone else; we will write when we know more.' },
  SOLVED: { label: 'Solved', badge: 'badge-ok', next: 'We consider this solved. If it is not, answer below and we will reopen it.' },
  CLOSED: { label: 'Closed', badge: '', next: 'This request is closed. Writing below opens a new request about it.' },
};

export function requestStatusView(status: TicketStatus): RequestStatusView {
  return VIEWS[status];
}
