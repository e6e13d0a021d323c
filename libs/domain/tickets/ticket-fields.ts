/** The channels a ticket can arrive on. */
export const TICKET_CHANNELS = ['email', 'web', 'chat', 'phone', 'api', 'social'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** Priorities, lowest first. */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Size limits checked at the API edge, so a ticket never carries a payload the workflow history cannot afford. */
export const TICKET_LIMITS = {
  subjectMaxLength: 250,
  descriptionMaxLength: 20_000,
  messageMaxLength: 20_000,
  emailMaxLength: 254,
  idempotencyKeyMaxLength: 100,
  maxFormFields: 30,
  formFieldMaxLength: 200,
} as const;
