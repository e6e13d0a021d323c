import { registerEnumType } from '@nestjs/graphql';
import { ROLES } from '../../../libs/domain/auth/roles.js';
import { TICKET_CHANNELS, TICKET_PRIORITIES } from '../../../libs/domain/tickets/ticket-fields.js';
import { TICKET_STATUSES } from '../../../libs/domain/tickets/ticket-status.js';

/** GraphQL shows UPPER_CASE names; the values the code and the database use stay the domain's own strings. */
function graphqlEnum<T extends string>(values: readonly T[]): Record<string, T> {
  return Object.fromEntries(values.map((value) => [value.toUpperCase(), value]));
}

export const RoleEnum = graphqlEnum(ROLES);
export const TicketChannelEnum = graphqlEnum(TICKET_CHANNELS);
export const TicketPriorityEnum = graphqlEnum(TICKET_PRIORITIES);
export const TicketStatusEnum = graphqlEnum(TICKET_STATUSES);

registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(TicketChannelEnum, { name: 'TicketChannel' });
registerEnumType(TicketPriorityEnum, { name: 'TicketPriority' });
registerEnumType(TicketStatusEnum, { name: 'TicketStatus' });
