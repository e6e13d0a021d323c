import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queuedTicketsForAgent } from '../../../libs/db/agent-snapshots.js';
import type { AgentAvailabilityListener } from '../routing/agent-availability.events.js';
import { TicketWorkflowsClient } from './ticket-workflows.client.js';

/**
 * When an agent comes online, the tickets waiting in their groups' queues (as many as they have room for, oldest
 * first) are told to try again; each ticket's workflow makes the assignment itself. Nothing polls the queues.
 */
@Injectable()
export class TicketQueueWaker implements AgentAvailabilityListener {
  private readonly logger = new Logger(TicketQueueWaker.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: TicketWorkflowsClient,
  ) {}

  async agentBecameAvailable(userId: string): Promise<void> {
    for (const ticketId of await queuedTicketsForAgent(this.dataSource.manager, userId)) {
      // A ticket closed meanwhile has no workflow to tell; the others still get their turn.
      await this.workflows.offerAssignment(ticketId).catch((error: Error) => this.logger.warn(`ticket ${ticketId}: ${error.message}`));
    }
  }
}
