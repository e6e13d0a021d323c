import { Module } from '@nestjs/common';
import { TicketWorkflowsClient } from './ticket-workflows.client.js';
import { TicketsResolver } from './tickets.resolver.js';
import { TicketsService } from './tickets.service.js';

@Module({ providers: [TicketsResolver, TicketsService, TicketWorkflowsClient], exports: [TicketsService, TicketWorkflowsClient] })
export class TicketsModule {}
