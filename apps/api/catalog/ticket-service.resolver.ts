import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import { fieldRoles } from '../auth/field-roles.middleware.js';
import { TicketModel } from '../tickets/models/ticket.model.js';
import { TICKET_WORKERS } from '../tickets/tickets.roles.js';
import { CatalogLoadersOfRequest } from './catalog-loaders.js';
import { toItemModel } from './catalog-read.service.js';
import { RequestValueModel } from './models/request-value.model.js';
import { ServiceModel, ServiceRequestItemModel } from './models/service.model.js';

/** The ticket as its row is: a service request carries its catalog service, item and form values. */
type CatalogTicket = TicketModel & Pick<TicketEntity, 'serviceId' | 'requestItemId' | 'requestValues'>;

// A service request's catalog facts on Ticket, read for a page of tickets in a few SQL queries (the request's loaders).

@Resolver(() => TicketModel)
export class TicketServiceResolver {
  constructor(private readonly loaders: CatalogLoadersOfRequest) {}

  @ResolveField(() => ServiceModel, {
    nullable: true,
    description: 'The catalog service a service request was made of (with all its items); null for other tickets.',
    middleware: [fieldRoles(...TICKET_WORKERS)],
  })
  async service(@Parent() ticket: CatalogTicket, @Context() context: object): Promise<ServiceModel | null> {
    if (!ticket.serviceId) return null;
    const loaders = this.loaders.of(context);
    const [service, items] = await Promise.all([loaders.services.load(ticket.serviceId), loaders.itemsOfService.load(ticket.serviceId)]);
    return service && { ...service, items: items.map(toItemModel) };
  }

  @ResolveField(() => ServiceRequestItemModel, {
    nullable: true,
    description: 'The request item asked for; null for other tickets.',
    middleware: [fieldRoles(...TICKET_WORKERS)],
  })
  async requestItem(@Parent() ticket: CatalogTicket, @Context() context: object): Promise<ServiceRequestItemModel | null> {
    if (!ticket.requestItemId) return null;
    const item = await this.loaders.of(context).items.load(ticket.requestItemId);
    return item && toItemModel(item);
  }

  @ResolveField(() => [RequestValueModel], {
    nullable: true,
    description: "The request form's values as submitted, in the form's order (labelled as the form labels them now); null for other tickets.",
    middleware: [fieldRoles(...TICKET_WORKERS)],
  })
  async requestValues(@Parent() ticket: CatalogTicket, @Context() context: object): Promise<RequestValueModel[] | null> {
    if (!ticket.requestValues) return null;
    const item = ticket.requestItemId ? await this.loaders.of(context).items.load(ticket.requestItemId) : null;
    const fields = item?.formFields ?? [];
    const position = (name: string) => {
      const index = fields.findIndex((field) => field.name === name);
      return index === -1 ? fields.length : index;
    };
    return Object.entries(ticket.requestValues)
      .sort(([a], [b]) => position(a) - position(b))
      .map(([name, value]) => ({ name, label: fields.find((field) => field.name === name)?.label ?? name, value: String(value) }));
  }
}
