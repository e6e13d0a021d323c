import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { DevOutboxMailEntity } from '../../../../libs/db/entities/dev-outbox-mail.entity.js';
import { JSONScalar } from '../../common/json.scalar.js';

@ObjectType('DevOutboxAttachment', { description: 'A file attached to a mail the dev outbox received (its bytes are not kept).' })
export class DevOutboxAttachmentModel {
  @Field(() => String, { nullable: true })
  filename!: string | null;

  @Field()
  contentType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field({ description: 'SHA-256 of the bytes, hex.' })
  sha256!: string;
}

@ObjectType('DevOutboxMail', { description: 'A mail the local SMTP sink received instead of a customer.' })
export class DevOutboxMailModel {
  @Field(() => ID)
  id!: string;

  @Field()
  receivedAt!: Date;

  @Field({ description: 'The SMTP envelope sender.' })
  from!: string;

  @Field(() => [String], { description: 'The SMTP envelope recipients.' })
  to!: string[];

  @Field(() => String, { nullable: true })
  messageId!: string | null;

  @Field()
  subject!: string;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true })
  html!: string | null;

  @Field(() => JSONScalar, { description: 'Header values by lower-cased name.' })
  headers!: Record<string, string>;

  @Field(() => [DevOutboxAttachmentModel])
  attachments!: DevOutboxAttachmentModel[];
}

export function toDevOutboxMailModel(entity: DevOutboxMailEntity): DevOutboxMailModel {
  return {
    id: entity.id,
    receivedAt: entity.receivedAt,
    from: entity.envelopeFrom,
    to: entity.envelopeTo,
    messageId: entity.messageId,
    subject: entity.subject,
    text: entity.textBody,
    html: entity.htmlBody,
    headers: entity.headers,
    attachments: entity.attachments,
  };
}
