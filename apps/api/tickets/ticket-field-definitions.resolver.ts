import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CONFIG_WRITERS } from '../sla-config/sla-config.roles.js';
import { CreateTicketFieldDefinitionInput, UpdateTicketFieldDefinitionInput } from './dto/ticket-field-definition.input.js';
import { TicketFieldDefinitionModel } from './models/ticket-field-definition.model.js';
import { TicketFieldDefinitionsService } from './ticket-field-definitions.service.js';
import { TICKET_WORKERS } from './tickets.roles.js';

/** Custom ticket fields: agents read them (to fill in forms); admins define them. */
@Resolver(() => TicketFieldDefinitionModel)
export class TicketFieldDefinitionsResolver {
  constructor(private readonly definitions: TicketFieldDefinitionsService) {}

  @Roles(...TICKET_WORKERS)
  @Query(() => [TicketFieldDefinitionModel], { description: 'Every custom ticket field, active or not, in form order.' })
  ticketFieldDefinitions(): Promise<TicketFieldDefinitionModel[]> {
    return this.definitions.list();
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => TicketFieldDefinitionModel, { description: 'Defines a custom ticket field; audited.' })
  createTicketFieldDefinition(
    @Args('input') input: CreateTicketFieldDefinitionInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<TicketFieldDefinitionModel> {
    return this.definitions.create(input, caller.id);
  }

  @Roles(...CONFIG_WRITERS)
  @Mutation(() => TicketFieldDefinitionModel, { description: 'Changes a custom ticket field (not its name or kind); audited.' })
  updateTicketFieldDefinition(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTicketFieldDefinitionInput,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<TicketFieldDefinitionModel> {
    return this.definitions.update(id, input, caller.id);
  }
}
