import type { EntityManager } from 'typeorm';

/** The ticket's facts a customer mail is addressed and written with. */
export interface TicketMailFacts {
  recipient: string;
  ticketNumber: string;
  /** Template variables from the ticket, its customer and the agent. */
  variables: Record<string, string>;
}

/**
 * Reads the ticket, its customer (by link, else by the requester's address) and the agent: the author of
 * `messageId` when the mail carries a reply, else the assignee. Null when the ticket does not exist.
 */
export async function ticketMailFacts(manager: EntityManager, ticketId: string, messageId?: string): Promise<TicketMailFacts | null> {
  const [ticket] = await manager.query<
    Array<{ number: string; subject: string; status: string; requester_email: string; customer_name: string | null; assignee_name: string | null }>
  >(
    `SELECT t.number, t.subject, t.status, t.requester_email, c.name AS customer_name, u.display_name AS assignee_name
       FROM tickets t
       LEFT JOIN customers c ON c.id = t.customer_id OR (t.customer_id IS NULL AND c.email = t.requester_email)
       LEFT JOIN users u ON u.id = t.assignee_id
      WHERE t.id = $1`,
    [ticketId],
  );
  if (!ticket) return null;
  const variables: Record<string, string> = {
    'ticket.id': ticketId,
    'ticket.number': String(ticket.number),
    'ticket.subject': ticket.subject,
    'ticket.status': ticket.status,
    'customer.email': ticket.requester_email,
    'customer.name': ticket.customer_name ?? ticket.requester_email,
    'agent.name': ticket.assignee_name ?? 'The support team',
  };
  if (messageId) {
    const [message] = await manager.query<Array<{ body: string; author_name: string | null }>>(
      `SELECT m.body, u.display_name AS author_name FROM ticket_messages m LEFT JOIN users u ON u.id = m.author_user_id
        WHERE m.id = $1 AND m.ticket_id = $2`,
      [messageId, ticketId],
    );
    if (message) {
      variables['message.body'] = message.body;
      if (message.author_name) variables['agent.name'] = message.author_name;
    }
  }
  return { recipient: ticket.requester_email, ticketNumber: String(ticket.number), variables };
}
