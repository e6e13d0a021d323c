import { Query, Resolver } from '@nestjs/graphql';
import { PublicRateLimit } from '../abuse-limits/public-rate-limit.guard.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Public, Roles } from '../auth/roles.decorator.js';
import { TICKET_WORKERS } from '../tickets/tickets.roles.js';
import { CatalogReadService } from './catalog-read.service.js';
import { PortalServiceModel } from './models/portal-service.model.js';
import { ServiceModel } from './models/service.model.js';

/** Reading the catalog: staff see what they can request for someone (admins everything), customers what they may request. */
@Resolver()
export class ServiceCatalogResolver {
  constructor(private readonly catalog: CatalogReadService) {}

  @Roles(...TICKET_WORKERS)
  @Query(() => [ServiceModel], {
    description: 'The services by name, each with its request items by position: the active ones; admins also see the inactive.',
  })
  serviceCatalog(@CurrentUser() caller: AuthenticatedUser): Promise<ServiceModel[]> {
    return this.catalog.staffCatalog(caller.roles.includes('admin'));
  }

  @Public()
  @PublicRateLimit('portal')
  @Query(() => [PortalServiceModel], {
    description: "No login: the customer portal's catalog, only active customer-visible services and items (a service with none is left out).",
  })
  portalServiceCatalog(): Promise<PortalServiceModel[]> {
    return this.catalog.portalCatalog();
  }
}
