import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { AppConfig } from '../../../libs/config/app-config.js';
import {
  SERVICE_REQUEST_WORKFLOW_TYPE,
  serviceRequestWorkflowId,
  type ServiceRequestInput,
} from '../../../workflows/service-request/service-request.contract.js';
import { APP_CONFIG } from '../app-config.token.js';

/**
 * What happens to a service request once its ticket exists: its fulfilment workflow (approval, then the item's tasks in
 * order; workflows/service-request/). Called right after a request ticket's creation was accepted.
 */
@Injectable()
export class ServiceRequestFulfilment {
  constructor(
    private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Starts the request's fulfilment, once: its workflow id is fixed per request and rejects a second run even after the
   * first has ended, so a retried create (or a second call) starts nothing more.
   */
  async begin({ ticketId, itemId }: { ticketId: string; itemId: string }): Promise<void> {
    const input: ServiceRequestInput = { requestId: ticketId, itemId };
    try {
      await this.temporal.workflow.start(SERVICE_REQUEST_WORKFLOW_TYPE, {
        workflowId: serviceRequestWorkflowId(ticketId),
        taskQueue: this.config.taskQueue,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}
