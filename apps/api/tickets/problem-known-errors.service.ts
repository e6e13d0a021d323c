import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import { saveKnownError } from '../../../libs/db/problem-known-errors.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { fieldError, userError } from '../common/user-error.js';
import type { SetProblemKnownErrorInput } from './dto/set-problem-known-error.input.js';
import { TicketWorkflowsClient } from './ticket-workflows.client.js';
import { TicketsService } from './tickets.service.js';

/**
 * A problem's known error: content, kept in PostgreSQL (problem_known_errors); the problem's workflow records who set
 * it on its timeline. Written in one transaction with the workflow's answer, so a refusal (a problem closed meanwhile)
 * leaves the earlier known error as it was.
 */
@Injectable()
export class ProblemKnownErrorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly workflows: TicketWorkflowsClient,
  ) {}

  async set({ problemId, note, workaround }: SetProblemKnownErrorInput, caller: AuthenticatedUser): Promise<TicketEntity> {
    const problem = await this.tickets.get(problemId, caller);
    if (problem.type !== 'problem') throw fieldError('problemId', `problemId: ticket #${problem.number} is a ${problem.type}; only a problem has a known error.`);
    if (problem.status === 'closed') throw userError('CONFLICT', `Ticket #${problem.number} is closed: its known error is final.`);
    await this.dataSource.transaction(async (tx) => {
      await saveKnownError(tx, problem.id, { note, workaround, setBy: caller.id });
      await this.workflows.knownErrorRecorded(problem.id, { actorUserId: caller.id });
    });
    return this.tickets.get(problem.id, 'system');
  }
}
