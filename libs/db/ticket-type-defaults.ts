import type { TicketTypeDefaults } from '../domain/tickets/ticket-type.js';

type Query = (text: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** The admin's default ticket type per channel (helpdesk settings); {} when none is set. */
export async function readTicketTypeDefaults(query: Query): Promise<TicketTypeDefaults> {
  const [row] = await query('SELECT default_ticket_types FROM helpdesk_settings WHERE id = 1');
  return (row?.default_ticket_types as TicketTypeDefaults | undefined) ?? {};
}
