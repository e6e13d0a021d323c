import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import { MAX_PAGE_SIZE } from '../tickets/tickets.service.js';
import { readApprovals, type ServiceRequestApproval } from './service-request-approval-rows.js';

/** One request's loaders for a service request's approval and tasks and a task's request: one SQL query per field per page. */
export interface ServiceRequestLoaders {
  approvals: DataLoader<string, ServiceRequestApproval | null>;
  /** A request's fulfilment tasks, in the item's order. */
  tasksOfRequest: DataLoader<string, TicketEntity[]>;
  /** A task's request id (null: the ticket is no fulfilment task). */
  parentRequestIds: DataLoader<string, string | null>;
}

/** Hands out the loaders of the request a GraphQL context belongs to (as TicketLoadersOfRequest does for tickets). */
@Injectable()
export class ServiceRequestLoadersOfRequest {
  private readonly byContext = new WeakMap<object, ServiceRequestLoaders>();

  constructor(private readonly dataSource: DataSource) {}

  of(context: object): ServiceRequestLoaders {
    let loaders = this.byContext.get(context);
    if (!loaders) {
      loaders = this.create();
      this.byContext.set(context, loaders);
    }
    return loaders;
  }

  private create(): ServiceRequestLoaders {
    const options = { maxBatchSize: MAX_PAGE_SIZE };
    return {
      approvals: new DataLoader(async (requestIds) => {
        const byId = new Map((await readApprovals(this.dataSource, requestIds)).map((approval) => [approval.requestId, approval]));
        return requestIds.map((id) => byId.get(id) ?? null);
      }, options),
      tasksOfRequest: new DataLoader(async (requestIds) => {
        const tasks = await this.dataSource
          .getRepository(TicketEntity)
          .createQueryBuilder('t')
          .addSelect('t.parent_request_id', 'parent_request_id')
          .where('t.parent_request_id = ANY(:requestIds)', { requestIds: [...requestIds] })
          .orderBy('t.task_position', 'ASC')
          .getRawAndEntities<{ parent_request_id: string }>();
        // Raw rows and entities come in the same order: each task's request is its raw row's.
        return requestIds.map((id) => tasks.entities.filter((_task, index) => tasks.raw[index].parent_request_id === id));
      }, options),
      parentRequestIds: new DataLoader(async (ticketIds) => {
        const rows = await this.dataSource.query<Array<{ id: string; parent_request_id: string | null }>>(
          'SELECT id, parent_request_id FROM tickets WHERE id = ANY($1::uuid[])',
          [[...ticketIds]],
        );
        const byId = new Map(rows.map((row) => [row.id, row.parent_request_id]));
        return ticketIds.map((id) => byId.get(id) ?? null);
      }, options),
    };
  }
}
