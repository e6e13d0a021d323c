import type { NewTicket } from '../../../workflows/ticket/ticket.contract.js';
import type { CreateTicketInput } from './dto/create-ticket.input.js';
import { ticketIdFor } from './ticket-id.js';

/**
 * The start input of a ticket's workflow for a create request: what `createTicket` sends, and what a retry of the same
 * request (same caller, same idempotency key) would send again, apart from the instant.
 */
export function newTicketFrom(input: CreateTicketInput, callerUserId: string, acceptedAt: Date, followUpOf: string | null = null): NewTicket {
  const idempotencyKey = input.idempotencyKey ?? null;
  return {
    id: ticketIdFor(callerUserId, idempotencyKey),
    subject: input.subject,
    description: input.description,
    requesterEmail: input.requesterEmail.toLowerCase(),
    channel: input.channel,
    priority: input.priority,
    groupId: input.groupId ?? null,
    organizationId: input.organizationId ?? null,
    customerTier: input.customerTier ?? null,
    tags: input.tags ?? [],
    followUpOf,
    fields: Object.fromEntries((input.fields ?? []).map((field) => [field.name, field.value])),
    createdBy: callerUserId,
    idempotencyKey,
    createdAt: acceptedAt.toISOString(),
  };
}
