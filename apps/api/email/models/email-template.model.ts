import { Field, ObjectType } from '@nestjs/graphql';
import type { EmailTemplateKey } from '../../../../libs/domain/email/email-templates.js';
import { EmailTemplateKeyEnum } from '../../common/graphql-enums.js';

@ObjectType('EmailTemplate', { description: 'The wording of a customer mail: `{{variable}}` placeholders in a plain-text subject and body.' })
export class EmailTemplateModel {
  @Field(() => EmailTemplateKeyEnum)
  key!: EmailTemplateKey;

  @Field()
  subject!: string;

  @Field({ description: 'Plain text; the HTML part is this text with every value escaped.' })
  body!: string;

  @Field(() => [String], { description: 'The variables this template may use.' })
  variables!: readonly string[];

  @Field({ description: 'False: the shipped default is in force.' })
  customized!: boolean;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;
}
