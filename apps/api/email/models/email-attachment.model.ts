import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { EmailAttachmentEntity } from '../../../../libs/db/entities/email-attachment.entity.js';

@ObjectType('EmailAttachment', { description: 'A file that came with a customer’s mail (its metadata; the bytes are stored beside it).' })
export class EmailAttachmentModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  ticketId!: string;

  @Field({ description: 'The Message-ID of the mail it came with.' })
  messageId!: string;

  @Field(() => String, { nullable: true })
  filename!: string | null;

  @Field()
  contentType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field()
  sha256!: string;

  @Field()
  receivedAt!: Date;
}

export function toEmailAttachmentModel(entity: EmailAttachmentEntity): EmailAttachmentModel {
  return {
    id: entity.id,
    ticketId: entity.ticketId,
    messageId: entity.inboundMessageId,
    filename: entity.filename,
    contentType: entity.contentType,
    sizeBytes: entity.sizeBytes,
    sha256: entity.sha256,
    receivedAt: entity.createdAt,
  };
}
