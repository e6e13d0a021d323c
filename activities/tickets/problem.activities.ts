import type { DataSource } from 'typeorm';
import { TicketMessageEntity } from '../../libs/db/entities/ticket-message.entity.js';
import { insertMessageOnce } from '../../libs/db/ticket-messages.js';
import { renderTemplate } from '../../libs/domain/email/index.js';
import { solvesWithProblem } from '../../libs/domain/tickets/problem-links.js';
import type { TicketStatus } from '../../libs/domain/tickets/ticket-status.js';
import { ticketMailFacts } from '../email/ticket-mail-variables.js';

export interface ProblemActivityDeps {
  dataSource: DataSource;
  /** The help desk's From address, the `helpdesk.address` a reply may name. */
  helpdeskAddress: string;
}

export interface ProblemSolutionReplyInput {
  incidentId: string;
  /** The problem's note holding the reply's template. */
  solutionMessageId: string;
  /** Chosen by the incident's workflow, so a retry stores the same message once. */
  messageId: string;
  actorUserId: string;
}

/** The side effects of problems solving their incidents. Each one is idempotent. */
export function createProblemActivities({ dataSource, helpdeskAddress }: ProblemActivityDeps) {
  return {
    /** The incidents linked to the problem that its solving solves, oldest first. */
    async incidentsToSolveWith(problemId: string): Promise<string[]> {
      const rows = await dataSource.query<Array<{ id: string; status: TicketStatus }>>(
        'SELECT id, status FROM tickets WHERE problem_id = $1 ORDER BY created_at, id',
        [problemId],
      );
      return rows.filter((row) => solvesWithProblem(row.status)).map((row) => row.id);
    },

    /**
     * Stores the public reply a solved problem gives an incident's requester: the solution's text filled with the
     * incident's variables (its number, subject, customer; the agent who solved the problem). Returns when it was stored.
     */
    async postProblemSolutionReply({ incidentId, solutionMessageId, messageId, actorUserId }: ProblemSolutionReplyInput): Promise<{ at: string }> {
      const [solution] = await dataSource.query<Array<{ body: string; author_name: string | null }>>(
        `SELECT m.body, u.display_name AS author_name FROM ticket_messages m LEFT JOIN users u ON u.id = m.author_user_id WHERE m.id = $1`,
        [solutionMessageId],
      );
      const facts = await ticketMailFacts(dataSource.manager, incidentId);
      // Both exist while the incident's workflow runs (the API stored the solution before the problem was solved).
      if (!solution || !facts) throw new Error(`The solution ${solutionMessageId} or the incident ${incidentId} is not stored.`);
      const variables = {
        ...facts.variables,
        'helpdesk.address': helpdeskAddress,
        ...(solution.author_name ? { 'agent.name': solution.author_name } : {}),
      };
      const body = renderTemplate(solution.body, variables).text;
      const reply = { id: messageId, ticketId: incidentId, authorType: 'agent', authorUserId: actorUserId, body, isPublic: true } as const;
      // A retry finds the message its first attempt stored.
      const stored =
        (await insertMessageOnce(dataSource.manager, reply)) ?? (await dataSource.getRepository(TicketMessageEntity).findOneByOrFail({ id: messageId }));
      return { at: stored.createdAt.toISOString() };
    },
  };
}

export type ProblemActivities = ReturnType<typeof createProblemActivities>;
