import { registerEnumType } from '@nestjs/graphql';
import { ARRIVAL_WINDOWS } from '../../../libs/domain/routing/index.js';

/** GraphQL shows UPPER_CASE names; the code and the database keep the domain's own strings. */
export const AgentAvailabilityEnum = { ONLINE: 'online', AWAY: 'away', OFFLINE: 'offline' } as const;
export const AGENT_AVAILABILITIES = Object.values(AgentAvailabilityEnum);
export const ArrivalWindowEnum = Object.fromEntries(ARRIVAL_WINDOWS.map((w) => [w.toUpperCase(), w])) as {
  BUSINESS_HOURS: 'business_hours';
  AFTER_HOURS: 'after_hours';
};

registerEnumType(AgentAvailabilityEnum, { name: 'AgentAvailability', description: 'Only online agents are assigned tickets.' });
registerEnumType(ArrivalWindowEnum, { name: 'ArrivalWindow', description: "When a ticket arrived, against a business calendar's working hours." });
