import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApplyMacroInput } from './dto/apply-macro.input.js';
import { MacroInput } from './dto/macro.input.js';
import { MacroApplicationService } from './macro-application.service.js';
import { MacrosService } from './macros.service.js';
import { MacroApplicationModel } from './models/macro-application.model.js';
import { MacroPreviewModel } from './models/macro-preview.model.js';
import { MacroModel } from './models/macro.model.js';
import { TICKET_WORKERS } from '../tickets/tickets.roles.js';


@Resolver(() => MacroModel)
export class MacrosResolver {
  constructor(
    private readonly definitions: MacrosService,
    private readonly application: MacroApplicationService,
  ) {}

  @Roles(...TICKET_WORKERS)
  @Query(() => [MacroModel], { description: 'By name.' })
  macros(): Promise<MacroModel[]> {
    return this.definitions.list();
  }

  @Roles('admin')
  @Mutation(() => MacroModel, { description: 'BAD_USER_INPUT names each wrong field (e.g. an unknown {{variable}} in body); audited.' })
  createMacro(@Args('input') input: MacroInput, @CurrentUser() caller: AuthenticatedUser): Promise<MacroModel> {
    return this.definitions.create(input, caller.id);
  }

  @Roles('admin')
  @Mutation(() => MacroModel, { description: 'Replaces the definition; audited.' })
  updateMacro(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: MacroInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<MacroModel> {
    return this.definitions.update(id, input, caller.id);
  }

  @Roles('admin')
  @Mutation(() => MacroModel, { description: 'Returns the deleted macro; audited.' })
  deleteMacro(@Args('id', { type: () => ID }) id: string, @CurrentUser() caller: AuthenticatedUser): Promise<MacroModel> {
    return this.definitions.delete(id, caller.id);
  }

  @Roles(...TICKET_WORKERS)
  @Query(() => MacroPreviewModel, { description: 'The reply and the status, priority and tags applying the macro would give; writes nothing.' })
  previewMacro(@Args('input') input: ApplyMacroInput, @CurrentUser() caller: AuthenticatedUser): Promise<MacroPreviewModel> {
    return this.application.preview(input, caller);
  }

  @Roles(...TICKET_WORKERS)
  @Mutation(() => MacroApplicationModel, { description: 'Replies with the macro, then sets its status, priority and tags, as by hand.' })
  applyMacro(@Args('input') input: ApplyMacroInput, @CurrentUser() caller: AuthenticatedUser): Promise<MacroApplicationModel> {
    return this.application.apply(input, caller);
  }
}
