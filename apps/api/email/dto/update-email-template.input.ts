import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { EMAIL_TEMPLATE_KEYS, TEMPLATE_LIMITS, type EmailTemplateKey } from '../../../../libs/domain/email/email-templates.js';
import { EmailTemplateKeyEnum } from '../../common/graphql-enums.js';

@InputType()
export class UpdateEmailTemplateInput {
  @Field(() => EmailTemplateKeyEnum)
  @IsIn(EMAIL_TEMPLATE_KEYS)
  key!: EmailTemplateKey;

  @Field()
  @IsString()
  @MaxLength(TEMPLATE_LIMITS.subjectMaxLength)
  subject!: string;

  @Field()
  @IsString()
  @MaxLength(TEMPLATE_LIMITS.bodyMaxLength)
  body!: string;
}
