import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { JSONScalar } from '../common/json.scalar.js';
import { RolloutTemplateModel } from './models/rollout-template.model.js';
import { RolloutTemplatesService } from './rollout-templates.service.js';
import { ROLLOUT_USERS, TEMPLATE_EDITORS } from './rollout.roles.js';

@Resolver(() => RolloutTemplateModel)
export class RolloutTemplatesResolver {
  constructor(private readonly templates: RolloutTemplatesService) {}

  @Roles(...ROLLOUT_USERS)
  @Query(() => [RolloutTemplateModel])
  rolloutTemplates(): Promise<RolloutTemplateModel[]> {
    return this.templates.list();
  }

  @Roles(...ROLLOUT_USERS)
  @Query(() => RolloutTemplateModel)
  rolloutTemplate(@Args('id') id: string): Promise<RolloutTemplateModel> {
    return this.templates.get(id);
  }

  @Roles(...TEMPLATE_EDITORS)
  @Mutation(() => RolloutTemplateModel, {
    description: 'Creates or replaces the template with this id; refused when it cannot be scheduled (a task depending on itself, a cycle, …); audited.',
  })
  saveRolloutTemplate(@Args('template', { type: () => JSONScalar }) template: unknown, @CurrentUser() caller: AuthenticatedUser): Promise<RolloutTemplateModel> {
    return this.templates.save(template, caller.id);
  }
}
