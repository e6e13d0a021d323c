import type { EntityManager } from 'typeorm';

/**
 * One customer per lower-cased address (inbound mail, the portal's form): a new one joins the organization that owns
 * its domain, if any; a known one keeps its name and only gains one it did not have.
 */
export async function upsertCustomer(manager: EntityManager, email: string, name: string | null): Promise<{ id: string; organizationId: string | null }> {
  const [customer] = await manager.query<Array<{ id: string; organization_id: string | null }>>(
    `INSERT INTO customers (email, name, organization_id)
     VALUES ($1, $2, (SELECT id FROM organizations WHERE split_part($1, '@', 2) = ANY (domains) ORDER BY id LIMIT 1))
     ON CONFLICT (email) DO UPDATE SET name = COALESCE(customers.name, EXCLUDED.name)
     RETURNING id, organization_id`,
    [email, name],
  );
  return { id: customer.id, organizationId: customer.organization_id };
}

/**
 * Links a ticket to its requester's customer record, once (the workflow writes the row without it): only while the
 * ticket has none and the customer is its requester (a collaborator writing in is not the ticket's customer).
 */
export async function linkTicketCustomer(manager: EntityManager, ticketId: string, customerId: string, requesterEmail: string): Promise<void> {
  await manager.query('UPDATE tickets SET customer_id = $2 WHERE id = $1 AND customer_id IS NULL AND requester_email = $3', [ticketId, customerId, requesterEmail]);
}
