import type { NewTicket } from '../../../workflows/ticket/ticket.contract.js';
import type { CreateTicketInput } from './dto/create-ticket.input.js';
import { ticketIdFor } from './ticket-id.js';
import { ticketTypeOrDefault, type TicketTypeDefaults } from '../../../libs/domain/tickets/ticket-type.js';

/** Whose idempotency keys a ticket that no user created (inbound email) is keyed under. */
export const NO_CALLER = 'channel';

/**
 * The start input of a ticket's workflow for a create request: what `createTicket` sends, and what a retry of the same
 * request (same caller, same idempotency key) would send again, apart from the instant. A null caller: the ticket
 * came in by itself (inbound email). Without a type, the channel's default: the admin's (`typeDefaults`) or question.
 */
export function newTicketFrom(
  input: CreateTicketInput,
  callerUserId: string | null,
  acceptedAt: Date,
  followUpOf: string | null = null,
  typeDefaults: TicketTypeDefaults = {},
): NewTicket {
  const idempotencyKey = input.idempotencyKey ?? null;
  return {
    id: ticketIdFor(callerUserId ?? NO_CALLER, idempotencyKey),
    subject: input.subject,
    description: input.description,
    requesterEmail: input.requesterEmail.toLowerCase(),
    channel: input.channel,
    priority: input.priority,
    groupId: input.groupId ?? null,
    organizationId: input.organizationId ?? null,
    customerTier: input.customerTier ?? null,
    tags: input.tags ?? [],
    type: ticketTypeOrDefault(input.type, input.channel, typeDefaults),
    followUpOf,
    fields: Object.fromEntries((input.fields ?? []).map((field) => [field.name, field.value])),
    createdBy: callerUserId,
    idempotencyKey,
    createdAt: acceptedAt.toISOString(),
  };
}
