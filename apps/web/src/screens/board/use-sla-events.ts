import { useSubscription, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { TicketPriority } from '../../gql/schema-types';

const BoardSlaEventsSubscription = graphql(`
  subscription BoardSlaEvents($groupId: String, $priorities: [TicketPriority!]) {
    slaEvents(groupId: $groupId, priorities: $priorities) {
      ticketId
      type
      sequence
      occurredAt
      groupId
      priority
      data
    }
  }
`);

export interface LiveSlaEvent {
  ticketId: string;
  type: string;
  sequence: number;
  occurredAt: string;
  groupId?: string | null;
  priority: TicketPriority;
  data: unknown;
}

/** How many live events the board keeps (newest first); older ones are on each ticket's timeline. */
const KEPT = 30;

/**
 * The SLA warnings, breaches and escalations since the screen opened, newest first, for the filters given (the server
 * filters, so a change of filters starts a new subscription and a fresh list).
 */
export function useSlaEvents(filters: { groupId?: string | null; priorities?: TicketPriority[] | null }): { events: LiveSlaEvent[]; error?: CombinedError } {
  const [{ data, error }] = useSubscription({ query: BoardSlaEventsSubscription, variables: filters }, (previous: LiveSlaEvent[] = [], response) =>
    [response.slaEvents, ...previous].slice(0, KEPT),
  );
  return { events: data ?? [], error };
}
