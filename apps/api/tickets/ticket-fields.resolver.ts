import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { fieldRoles } from '../auth/field-roles.middleware.js';
import { Roles } from '../auth/roles.decorator.js';
import { UpdateTicketFieldsInput } from './dto/update-ticket-fields.input.js';
import { TicketFieldValueModel } from './models/ticket-field-value.model.js';
import { TicketModel } from './models/ticket.model.js';
import { TicketFieldDefinitionsService } from './ticket-field-definitions.service.js';
import { TicketsService } from './tickets.service.js';
import { TICKET_WORKERS } from './tickets.roles.js';


/** A ticket's custom fields: read as a list (the row keeps a map), changed through the workflow (on the timeline). */
@Resolver(() => TicketModel)
export class TicketFieldsResolver {
  constructor(
    private readonly tickets: TicketsService,
    private readonly fieldDefinitions: TicketFieldDefinitionsService,
  ) {}

  @ResolveField(() => [TicketFieldValueModel], { description: 'Custom (form) fields, by name.', middleware: [fieldRoles(...TICKET_WORKERS)] })
  fields(@Parent() ticket: { fields?: Record<string, string> }): TicketFieldValueModel[] {
    return Object.entries(ticket.fields ?? {})
      .map(([name, value]) => ({ name, value }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  @Roles(...TICKET_WORKERS)
  @Mutation(() => TicketModel, {
    description: 'Sets custom fields (value null removes one); a defined field must fit its definition; recorded on the timeline as fields_changed.',
  })
  async updateTicketFields(@Args('input') input: UpdateTicketFieldsInput, @CurrentUser() caller: AuthenticatedUser): Promise<TicketModel> {
    const changes = await this.fieldDefinitions.checkedChanges(Object.fromEntries(input.fields.map((f) => [f.name, f.value ?? null])));
    return this.tickets.updateFields({ ...input, fields: Object.entries(changes).map(([name, value]) => ({ name, value })) }, caller);
  }
}
