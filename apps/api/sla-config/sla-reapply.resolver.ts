import { Mutation, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { SlaReapplyResultModel } from './models/sla-reapply-result.model.js';
import { CONFIG_WRITERS } from './sla-config.roles.js';
import { SlaReapplyService } from './sla-reapply.service.js';

@Resolver()
export class SlaReapplyResolver {
  constructor(private readonly reapply: SlaReapplyService) {}

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => SlaReapplyResultModel, {
    description: 'Every open ticket chooses its SLA policy again (a policy created or changed since it started applies); audited.',
  })
  reapplySlaPolicies(@CurrentUser() caller: AuthenticatedUser): Promise<SlaReapplyResultModel> {
    return this.reapply.reapplyToOpenTickets(caller.id);
  }
}
