import { Field, ObjectType } from '@nestjs/graphql';
import type { TicketPriority } from '../../../../libs/domain/tickets/ticket-fields.js';
import type { TicketStatus } from '../../../../libs/domain/tickets/ticket-status.js';
import { TicketPriorityEnum, TicketStatusEnum } from '../../common/graphql-enums.js';

@ObjectType('MacroPreview', { description: 'What applying the macro to the ticket would send and set; nothing is written.' })
export class MacroPreviewModel {
  @Field({ description: 'The reply as the customer would read it.' })
  body!: string;

  @Field()
  public!: boolean;

  @Field(() => TicketStatusEnum, { description: 'The status after the macro.' })
  status!: TicketStatus;

  @Field(() => TicketPriorityEnum)
  priority!: TicketPriority;

  @Field(() => [String])
  tags!: string[];
}
