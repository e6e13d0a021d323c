import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import { JSONScalar } from '../../common/json.scalar.js';
import { TicketPriorityEnum } from '../../common/graphql-enums.js';

@ObjectType('LiveSlaEvent', { description: 'A warning, breach or escalation, pushed as the ticket workflow records it.' })
export class LiveSlaEventModel {
  @Field(() => ID)
  ticketId!: string;

  @Field({ description: 'sla_warning, sla_breached, escalation_notified, escalation_reassigned, escalation_priority_raised or escalation_acknowledged.' })
  type!: string;

  @Field(() => Int, { description: "The event's place on the ticket's timeline." })
  sequence!: number;

  @Field({ description: "A user id, or 'system'." })
  actor!: string;

  @Field()
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: "The ticket's group when the event happened." })
  groupId!: string | null;

  @Field(() => TicketPriorityEnum)
  priority!: TicketPriority;

  @Field(() => JSONScalar, { description: 'The same details as on the timeline (metric, deadline, step, …).' })
  data!: Record<string, unknown>;
}
