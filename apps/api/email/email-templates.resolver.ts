import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { EmailTemplateKey } from '../../../libs/domain/email/email-templates.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { EmailTemplateKeyEnum } from '../common/graphql-enums.js';
import { UpdateEmailTemplateInput } from './dto/update-email-template.input.js';
import { EmailTemplatesService } from './email-templates.service.js';
import { EMAIL_ADMINS } from './email.roles.js';
import { EmailTemplateModel } from './models/email-template.model.js';

@Resolver(() => EmailTemplateModel)
export class EmailTemplatesResolver {
  constructor(private readonly templates: EmailTemplatesService) {}

  @Roles(...EMAIL_ADMINS)
  @Query(() => [EmailTemplateModel], { description: 'Every customer mail, with the wording in force.' })
  emailTemplates(): Promise<EmailTemplateModel[]> {
    return this.templates.list();
  }

  @Roles(...EMAIL_ADMINS)
  @Mutation(() => EmailTemplateModel, { description: 'BAD_USER_INPUT for a variable the template does not get; audited.' })
  updateEmailTemplate(@Args('input') input: UpdateEmailTemplateInput, @CurrentUser() caller: AuthenticatedUser): Promise<EmailTemplateModel> {
    return this.templates.update(input, caller.id);
  }

  @Roles(...EMAIL_ADMINS)
  @Mutation(() => EmailTemplateModel, { description: 'Back to the shipped wording; audited.' })
  resetEmailTemplate(
    @Args('key', { type: () => EmailTemplateKeyEnum }) key: EmailTemplateKey,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<EmailTemplateModel> {
    return this.templates.reset(key, caller.id);
  }
}
