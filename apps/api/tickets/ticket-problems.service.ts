import { Injectable } from '@nestjs/common';
import type { TicketEntity } from '../../../libs/db/entities/ticket.entity.js';
import { problemLinkRefusal, problemReplyError } from '../../../libs/domain/tickets/problem-links.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { fieldError, userError } from '../common/user-error.js';
import type { LinkIncidentToProblemInput } from './dto/link-incident-to-problem.input.js';
import type { SolveProblemInput } from './dto/solve-problem.input.js';
import type { UnlinkIncidentFromProblemInput } from './dto/unlink-incident-from-problem.input.js';
import { TicketWorkflowsClient } from './ticket-workflows.client.js';
import { TicketsService } from './tickets.service.js';

/**
 * Problems and their incidents (issue 15). The incident's workflow owns its link (tickets.problem_id) and tells the
 * problem's workflow, so both timelines record it; solving a problem goes through the problem's workflow, which solves
 * itself and tells each linked incident still worked, whose own workflow replies to its requester and solves it
 * (ticket.workflow.ts). Here: who may ask, and refusals with the field at fault, before any workflow is asked.
 */
@Injectable()
export class TicketProblemsService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly workflows: TicketWorkflowsClient,
  ) {}

  /** Returns the incident, linked; its `problem` carries the known error to work with. */
  async link({ incidentId, problemId }: LinkIncidentToProblemInput, caller: AuthenticatedUser): Promise<TicketEntity> {
    const incident = await this.tickets.get(incidentId, caller);
    const problem = await this.tickets.get(problemId, caller);
    const refusal = problemLinkRefusal(incident, problem);
    if (refusal) throw fieldError(refusal.field, refusal.message);
    refuseClosed(incident, 'it can no longer be linked to a problem');
    refuseClosed(problem, 'no incident can be linked to it');
    await this.workflows.linkToProblem(incident.id, { problemId: problem.id, problemNumber: problem.number, actorUserId: caller.id });
    return this.tickets.get(incident.id, 'system');
  }

  async unlink({ incidentId }: UnlinkIncidentFromProblemInput, caller: AuthenticatedUser): Promise<TicketEntity> {
    const incident = await this.tickets.get(incidentId, caller);
    refuseClosed(incident, 'its problem link is final');
    if (incident.problemId === null) throw fieldError('incidentId', `incidentId: ticket #${incident.number} is not linked to a problem.`);
    await this.workflows.unlinkFromProblem(incident.id, { actorUserId: caller.id });
    return this.tickets.get(incident.id, 'system');
  }

  /**
   * The reply is stored on the problem as an internal note (through the agent-reply path, so its timeline shows it);
   * each incident's workflow fills it with its own facts. Returns the problem, solved; its incidents follow.
   */
  async solve({ problemId, replyToIncidents }: SolveProblemInput, caller: AuthenticatedUser): Promise<TicketEntity> {
    const problem = await this.tickets.get(problemId, caller);
    if (problem.type !== 'problem') {
      throw fieldError('problemId', `problemId: ticket #${problem.number} is a ${problem.type}; only a problem is solved with its incidents.`);
    }
    refuseClosed(problem, 'it can no longer be solved');
    if (problem.status === 'solved') throw userError('CONFLICT', `Ticket #${problem.number} is solved already; reopen it to solve it again.`);
    const replyError = problemReplyError(replyToIncidents);
    if (replyError) throw fieldError('replyToIncidents', replyError);
    const solution = await this.tickets.reply({ ticketId: problem.id, body: replyToIncidents, public: false }, caller);
    await this.workflows.solveProblem(problem.id, { solutionMessageId: solution.id, actorUserId: caller.id });
    return this.tickets.get(problem.id, 'system');
  }
}

/** A closed ticket's links and status are final: CONFLICT, as its workflow would answer. */
function refuseClosed(ticket: TicketEntity, what: string): void {
  if (ticket.status === 'closed') throw userError('CONFLICT', `Ticket #${ticket.number} is closed: ${what}.`);
}
