import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { TicketStatus } from '../../../../libs/domain/tickets/ticket-status.js';
import { TicketStatusEnum } from '../../common/graphql-enums.js';

export const PortalMessageAuthorEnum = { CUSTOMER: 'customer', SUPPORT: 'support' } as const;
export type PortalMessageAuthor = (typeof PortalMessageAuthorEnum)[keyof typeof PortalMessageAuthorEnum];
registerEnumType(PortalMessageAuthorEnum, { name: 'PortalMessageAuthor', description: 'The customer, or the support team (agents stay unnamed).' });

@ObjectType('PortalMessage', { description: 'A public message of the conversation; internal notes are never shown.' })
export class PortalMessageModel {
  @Field(() => ID)
  id!: string;

  @Field(() => PortalMessageAuthorEnum)
  author!: PortalMessageAuthor;

  @Field()
  body!: string;

  @Field()
  createdAt!: Date;
}

@ObjectType('PortalRequest', { description: 'What the requester sees through the mailed link: no agent, no internal note, no email address.' })
export class PortalRequestModel {
  @Field()
  number!: string;

  @Field()
  subject!: string;

  @Field(() => TicketStatusEnum)
  status!: TicketStatus;

  @Field({ description: 'What the customer first wrote.' })
  description!: string;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => [PortalMessageModel], { description: 'Public messages after the first, oldest first.' })
  messages!: PortalMessageModel[];
}
