import { registerEnumType } from '@nestjs/graphql';
import { ROLES } from '../../../libs/domain/auth/roles.js';
import { EMAIL_TEMPLATE_KEYS } from '../../../libs/domain/email/email-templates.js';
import { SLA_METRICS } from '../../../libs/domain/sla/index.js';
import { TICKET_CHANNELS, TICKET_PRIORITIES } from '../../../libs/domain/tickets/ticket-fields.js';
import { TICKET_STATUSES } from '../../../libs/domain/tickets/ticket-status.js';
import { TICKET_FIELD_KINDS } from '../../../libs/domain/tickets/ticket-field-definition.js';
import { TICKET_TYPES } from '../../../libs/domain/tickets/ticket-type.js';

/** GraphQL shows UPPER_CASE names; the values the code and the database use stay the domain's own strings. */
function graphqlEnum<T extends string>(values: readonly T[]): Record<string, T> {
  return Object.fromEntries(values.map((value) => [value.toUpperCase(), value]));
}

export const RoleEnum = graphqlEnum(ROLES);
export const TicketChannelEnum = graphqlEnum(TICKET_CHANNELS);
export const TicketPriorityEnum = graphqlEnum(TICKET_PRIORITIES);
export const TicketStatusEnum = graphqlEnum(TICKET_STATUSES);
export const TicketTypeEnum = graphqlEnum(TICKET_TYPES);
export const TicketFieldKindEnum = graphqlEnum(TICKET_FIELD_KINDS);
export const SlaMetricEnum = graphqlEnum(SLA_METRICS);
export const SlaClockStateEnum = graphqlEnum(['running', 'paused', 'stopped'] as const);
/** What an escalation step reacts to: a warning threshold or the breach of an SLA target. */
export const SlaAlarmKindEnum = graphqlEnum(['warning', 'breach'] as const);
export const EscalationActionTypeEnum = graphqlEnum(['notify', 'reassign', 'raise_priority'] as const);
export const NotifyRecipientsEnum = graphqlEnum(['supervisors', 'group'] as const);
/** The domain numbers weekdays 0 (Sunday) to 6 (Saturday), as JavaScript does; GraphQL names them. */
export const WeekdayEnum = { SUNDAY: 0, MONDAY: 1, TUESDAY: 2, WEDNESDAY: 3, THURSDAY: 4, FRIDAY: 5, SATURDAY: 6 } as const;

registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(TicketChannelEnum, { name: 'TicketChannel' });
registerEnumType(TicketPriorityEnum, { name: 'TicketPriority' });
registerEnumType(TicketStatusEnum, { name: 'TicketStatus' });
registerEnumType(TicketTypeEnum, {
  name: 'TicketType',
  description: 'What kind of request a ticket is; a ticket created without one is a QUESTION (every channel\'s default).',
});
registerEnumType(TicketFieldKindEnum, { name: 'TicketFieldKind', description: 'What values a custom ticket field takes.' });
registerEnumType(SlaMetricEnum, { name: 'SlaMetric' });
registerEnumType(SlaClockStateEnum, { name: 'SlaClockState' });
registerEnumType(SlaAlarmKindEnum, { name: 'SlaAlarmKind' });
registerEnumType(EscalationActionTypeEnum, { name: 'EscalationActionType' });
registerEnumType(NotifyRecipientsEnum, { name: 'NotifyRecipients' });
registerEnumType(WeekdayEnum, { name: 'Weekday' });
export const EmailTemplateKeyEnum = graphqlEnum(EMAIL_TEMPLATE_KEYS);
registerEnumType(EmailTemplateKeyEnum, { name: 'EmailTemplateKey' });
