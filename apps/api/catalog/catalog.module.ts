import { Module } from '@nestjs/common';
import { PortalModule } from '../portal/portal.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { CatalogAdminResolver } from './catalog-admin.resolver.js';
import { CatalogAdminService } from './catalog-admin.service.js';
import { CatalogLoadersOfRequest } from './catalog-loaders.js';
import { CatalogReadService } from './catalog-read.service.js';
import { ServiceCatalogResolver } from './service-catalog.resolver.js';
import { ServiceRequestFulfilment } from './service-request-fulfilment.service.js';
import { ServiceRequestApprovalsResolver } from './service-request-approvals.resolver.js';
import { ServiceRequestApprovalsService } from './service-request-approvals.service.js';
import { ServiceRequestLoadersOfRequest } from './service-request-loaders.js';
import { ServiceRequestTicketFieldsResolver } from './service-request-ticket-fields.resolver.js';
import { ServiceRequestsResolver } from './service-requests.resolver.js';
import { ServiceRequestsService } from './service-requests.service.js';
import { TicketServiceResolver } from './ticket-service.resolver.js';

/** The service catalog (issue 15): services and request items (admins), the catalog (staff, portal), service requests. */
@Module({
  imports: [TicketsModule, PortalModule],
  providers: [
    CatalogAdminResolver,
    CatalogAdminService,
    CatalogReadService,
    CatalogLoadersOfRequest,
    ServiceCatalogResolver,
    ServiceRequestsResolver,
    ServiceRequestsService,
    ServiceRequestFulfilment,
    ServiceRequestApprovalsResolver,
    ServiceRequestApprovalsService,
    ServiceRequestLoadersOfRequest,
    ServiceRequestTicketFieldsResolver,
    TicketServiceResolver,
  ],
})
export class CatalogModule {}
