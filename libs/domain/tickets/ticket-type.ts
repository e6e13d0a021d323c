import type { TicketChannel } from './ticket-fields.js';

/** What kind of request a ticket is (issue 15, service management). */
export const TICKET_TYPES = ['question', 'incident', 'problem', 'service_request', 'task'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

/**
 * The type a ticket gets when whoever creates it names none, by the channel it arrives on. A fixed rule for now: every
 * channel starts as a question (an agent changes it once they know better). Runs of the ticket workflow started before
 * types existed read as their channel's default too.
 */
export const DEFAULT_TICKET_TYPE_BY_CHANNEL: Readonly<Record<TicketChannel, TicketType>> = {
  email: 'question',
  web: 'question',
  chat: 'question',
  phone: 'question',
  api: 'question',
  social: 'question',
};

/** An admin's defaults for some channels (helpdesk settings); the others keep DEFAULT_TICKET_TYPE_BY_CHANNEL. */
export type TicketTypeDefaults = Partial<Record<TicketChannel, TicketType>>;

export function isTicketType(value: unknown): value is TicketType {
  return typeof value === 'string' && (TICKET_TYPES as readonly string[]).includes(value);
}

/**
 * The ticket's type: the one given, else its channel's default — the admin's for that channel when `defaults` has one,
 * otherwise the fixed rule (an unknown channel: question).
 */
export function ticketTypeOrDefault(type: TicketType | null | undefined, channel: TicketChannel | string, defaults: TicketTypeDefaults = {}): TicketType {
  if (isTicketType(type)) return type;
  const chosen = Object.hasOwn(defaults, channel) ? defaults[channel as TicketChannel] : undefined;
  if (isTicketType(chosen)) return chosen;
  return Object.hasOwn(DEFAULT_TICKET_TYPE_BY_CHANNEL, channel) ? DEFAULT_TICKET_TYPE_BY_CHANNEL[channel as TicketChannel] : 'question';
}
