import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { UpdateHelpdeskSettingsInput } from './dto/helpdesk-settings.input.js';
import { HelpdeskSettingsService } from './helpdesk-settings.service.js';
import { HelpdeskSettingsModel } from './models/helpdesk-settings.model.js';
import { CONFIG_READERS, CONFIG_WRITERS } from './sla-config.roles.js';

@Resolver(() => HelpdeskSettingsModel)
export class HelpdeskSettingsResolver {
  constructor(private readonly settings: HelpdeskSettingsService) {}

  @Roles(...CONFIG_READERS)
  @Query(() => HelpdeskSettingsModel)
  helpdeskSettings(): Promise<HelpdeskSettingsModel> {
    return this.settings.get();
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => HelpdeskSettingsModel, { description: 'Audited.' })
  updateHelpdeskSettings(@Args('input') input: UpdateHelpdeskSettingsInput, @CurrentUser() caller: AuthenticatedUser): Promise<HelpdeskSettingsModel> {
    return this.settings.update(input, caller.id);
  }
}
