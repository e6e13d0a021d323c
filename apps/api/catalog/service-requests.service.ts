import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import { ServiceRequestItemEntity } from '../../../libs/db/entities/service-request-item.entity.js';
import { ServiceEntity } from '../../../libs/db/entities/service.entity.js';
import { checkRequestValues } from '../../../libs/domain/catalog/request-form-values.js';
import { serviceRequestDescription, serviceRequestSubject } from '../../../libs/domain/catalog/service-request-ticket.js';
import type { ServiceRequestFacts } from '../../../workflows/ticket/ticket.contract.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { userError } from '../common/user-error.js';
import { PortalRequestsService } from '../portal/portal-requests.service.js';
import type { PortalRequestReceiptModel } from '../portal/models/portal-results.model.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { catalogInputError } from './catalog-problems.js';
import type { CreateServiceRequestInput, SubmitPortalServiceRequestInput, ServiceRequestFields } from './dto/service-request.input.js';
import { ServiceRequestFulfilment } from './service-request-fulfilment.service.js';

/** The ticket a request opens: its subject, description, owner group and catalog facts. */
interface RequestTicket {
  subject: string;
  description: string;
  groupId: string;
  facts: ServiceRequestFacts;
}

/**
 * Service requests from the catalog: the item's form checked (nothing is written when a value is wrong), then a ticket
 * of type service_request opened through the same intake as createTicket (the ticket workflow writes the row, the
 * idempotency key makes a retry land on the same ticket), routed to the service's owner group; then its fulfilment
 * (approval, tasks) begins.
 */
@Injectable()
export class ServiceRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly portal: PortalRequestsService,
    private readonly fulfilment: ServiceRequestFulfilment,
  ) {}

  async create(input: CreateServiceRequestInput, caller: AuthenticatedUser): Promise<TicketEntity> {
    const request = await this.requestTicket(input, { forCustomers: false });
    const ticket = await this.tickets.create(
      {
        subject: request.subject,
        description: request.description,
        requesterEmail: input.requesterEmail,
        channel: 'web',
        priority: input.priority,
        type: 'service_request',
        groupId: request.groupId,
        ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
      },
      caller,
      request.facts,
    );
    await this.fulfilment.begin({ ticketId: ticket.id, itemId: input.itemId });
    return ticket;
  }

  /** Answers as submitPortalRequest does: the acknowledgment mails the requester the signed link to follow it. */
  async submitFromPortal(input: SubmitPortalServiceRequestInput): Promise<PortalRequestReceiptModel> {
    const request = await this.requestTicket(input, { forCustomers: true });
    const { receipt, ticket } = await this.portal.open(
      input.requesterEmail,
      input.requesterName?.trim() ?? null,
      { subject: request.subject, description: request.description, type: 'service_request', groupId: request.groupId },
      input.idempotencyKey,
      request.facts,
    );
    await this.fulfilment.begin({ ticketId: ticket.id, itemId: input.itemId });
    return receipt;
  }

  /** NOT_FOUND for an item that cannot be requested (unknown, inactive, or hidden from customers); BAD_USER_INPUT for the form. */
  private async requestTicket(input: ServiceRequestFields, { forCustomers }: { forCustomers: boolean }): Promise<RequestTicket> {
    const notFound = () => userError('NOT_FOUND', `There is no request item ${input.itemId} to request.`);
    if (!isUUID(input.itemId)) throw notFound();
    const item = await this.dataSource.getRepository(ServiceRequestItemEntity).findOneBy({ id: input.itemId });
    const service = item && (await this.dataSource.getRepository(ServiceEntity).findOneBy({ id: item.serviceId }));
    const requestable = item && service && item.active && service.active && (!forCustomers || (item.customerVisible && service.customerVisible));
    if (!requestable) throw notFound();
    const check = checkRequestValues(item.formFields, input.values);
    if (!check.ok) throw catalogInputError(check.problems);
    return {
      subject: serviceRequestSubject(service.name, item.name),
      description: serviceRequestDescription(item.name, item.formFields, check.values),
      groupId: service.ownerGroupId,
      facts: { serviceId: service.id, requestItemId: item.id, values: check.values },
    };
  }
}
