import type { TicketChannel, TicketPriority } from '../../gql/schema-types';

/** The channels and priorities forms offer, in the order a person reads them. */
export const CHANNELS: TicketChannel[] = ['EMAIL', 'WEB', 'CHAT', 'PHONE', 'SOCIAL', 'API'];
export const PRIORITIES: TicketPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

/** An enum value as a word: FIRST_REPLY → "First reply" (API stays upper-case, it is an acronym). */
export function enumLabel(value: string): string {
  if (value === 'API') return 'API';
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
