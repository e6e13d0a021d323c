import type { TicketChannel, TicketPriority } from '../../gql/schema-types';

/** The channels and priorities forms offer, in the order a person reads them. */
export const CHANNELS: TicketChannel[] = ['EMAIL', 'WEB', 'CHAT', 'PHONE', 'SOCIAL', 'API'];
export const PRIORITIES: TicketPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
