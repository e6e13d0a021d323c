import { Field, ObjectType } from '@nestjs/graphql';
import { PortalRequestModel } from './portal-request.model.js';

@ObjectType('PortalRequestReceipt', { description: 'The request was received; the link to follow it was mailed to `sentTo`.' })
export class PortalRequestReceiptModel {
  @Field()
  sentTo!: string;
}

@ObjectType('PortalReply', { description: "Where the customer's answer landed." })
export class PortalReplyModel {
  @Field(() => PortalRequestModel, { description: 'The request the link names, as it is now.' })
  request!: PortalRequestModel;

  @Field({ description: 'The request the answer was added to: this one, the one it was merged into, or a follow-up.' })
  addedTo!: string;

  @Field({ description: 'True when the request was closed and the answer opened a follow-up request (its link is mailed).' })
  followUp!: boolean;
}
