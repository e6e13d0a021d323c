import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { PortalRequestsService } from './portal-requests.service.js';
import { PortalResolver } from './portal.resolver.js';

/** The customer portal's API (no login); its knowledge search is the knowledge module's public part. */
@Module({
  imports: [TicketsModule],
  providers: [PortalResolver, PortalRequestsService],
  // The catalog opens customers' service requests through the same path.
  exports: [PortalRequestsService],
})
export class PortalModule {}
