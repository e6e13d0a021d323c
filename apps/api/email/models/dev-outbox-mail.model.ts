import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { DevOutboxMailEntity } from '../../../../libs/db/entities/dev-outbox-mail.entity.js';
import { JSONScalar } from '../../common/json.scalar.js';

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
  };
}
