import { useQuery } from 'urql';
import { graphql } from '../../gql';

const TicketQueuesQuery = graphql(`
  query TicketsQueues {
    ticketQueues {
      id
      name
      member
    }
  }
`);

export interface TicketQueue {
  id: string;
  name: string;
  member: boolean;
}

/** The group queues the signed-in person may open (their own marked `member`), and a name for a group id. */
export function useTicketQueues() {
  const [{ data, error, fetching }] = useQuery({ query: TicketQueuesQuery });
  const queues: TicketQueue[] = data?.ticketQueues ?? [];
  const groupName = (id: string | null | undefined): string => (id ? (queues.find((queue) => queue.id === id)?.name ?? id) : 'No group');
  return { queues, groupName, error, fetching };
}
