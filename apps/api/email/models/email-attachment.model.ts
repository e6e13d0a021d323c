import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { EmailAttachmentEntity } from '../../../../libs/db/entities/email-attachment.entity.js';

@ObjectType('EmailAttachment', {
  description: 'A file that came with a customer’s mail, or that an agent sent with a reply (its metadata; download the bytes at `downloadPath`).',
})
export class EmailAttachmentModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  ticketId!: string;

  @Field(() => String, { nullable: true, description: 'The Message-ID of the customer’s mail it came with; null for a file an agent sent.' })
  messageId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The agent reply (ticket message) it was sent with; null for a file a customer sent.' })
  sentWithMessageId!: string | null;

  @Field(() => String, { nullable: true })
  filename!: string | null;

  @Field()
  contentType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field()
  sha256!: string;

  @Field({ description: 'When it was received, or uploaded.' })
  receivedAt!: Date;

  @Field({ description: '`GET` it with the bearer token for the bytes: /attachments/<id>.' })
  downloadPath!: string;
}

export function toEmailAttachmentModel(entity: EmailAttachmentEntity): EmailAttachmentModel {
  return {
    id: entity.id,
    ticketId: entity.ticketId,
    messageId: entity.inboundMessageId,
    sentWithMessageId: entity.sentWithMessageId,
    filename: entity.filename,
    contentType: entity.contentType,
    sizeBytes: entity.sizeBytes,
    sha256: entity.sha256,
    receivedAt: entity.createdAt,
    downloadPath: `/attachments/${entity.id}`,
  };
}
