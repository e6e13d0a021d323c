import { graphql } from '../../gql';
import type { TicketsTicketQuery } from '../../gql/graphql';

/** Everything the ticket view shows; refetched after each change and every 30 s (SLA clocks, timeline). */
export const TicketQuery = graphql(`
  query TicketsTicket($id: ID!) {
    ticket(id: $id) {
      id
      number
      subject
      description
      requesterEmail
      channel
      createdAt
      status
      priority
      groupId
      assigneeId
      assigneeName
      fields {
        name
        value
      }
      live {
        status
        priority
        groupId
      }
      messages {
        id
        authorType
        authorName
        body
        createdAt
        isPublic
      }
      sla {
        policy {
          name
          reason
        }
        escalationLevel
        awaitingAcknowledgement
        metrics {
          metric
          state
          targetMinutes
          businessHours
          remainingSeconds
          deadline
          breached
        }
      }
      timeline {
        sequence
        type
        actor
        actorName
        occurredAt
        data
      }
    }
  }
`);

export type TicketDetail = TicketsTicketQuery['ticket'];
