import { problemLinkRefusal, problemReplyError, repeatedIncidentCount, solvesWithProblem, type LinkableTicket } from './problem-links.js';
import { TICKET_STATUSES } from './ticket-status.js';

const ticket = (number: string, type: LinkableTicket['type'], problemId: string | null = null): LinkableTicket => ({ id: `id-${number}`, number, type, problemId });

describe('linking incidents to problems', () => {
  const problem = ticket('10', 'problem');

  it('links an incident to a problem, and again to the same problem', () => {
    expect(problemLinkRefusal(ticket('1', 'incident'), problem)).toBeNull();
    expect(problemLinkRefusal(ticket('1', 'incident', problem.id), problem)).toBeNull();
  });

  it('refuses any other type on either side, naming the field at fault', () => {
    for (const type of ['question', 'problem', 'service_request', 'task'] as const) {
      expect(problemLinkRefusal(ticket('2', type), problem)).toEqual({
        field: 'incidentId',
        message: `incidentId: ticket #2 is a ${type}; only an incident links to a problem.`,
      });
    }
    for (const type of ['question', 'incident', 'service_request', 'task'] as const) {
      expect(problemLinkRefusal(ticket('1', 'incident'), ticket('11', type))).toEqual({
        field: 'problemId',
        message: `problemId: ticket #11 is a ${type}; an incident links only to a problem.`,
      });
    }
  });

  it('refuses a ticket linked to itself', () => {
    expect(problemLinkRefusal(problem, problem)).toEqual({ field: 'problemId', message: 'problemId: ticket #10 cannot be linked to itself.' });
  });

  it('refuses an incident linked to another problem: one problem at a time', () => {
    expect(problemLinkRefusal(ticket('1', 'incident', 'id-12'), problem)).toEqual({
      field: 'incidentId',
      message: 'incidentId: ticket #1 is linked to another problem; unlink it first.',
    });
  });
});

describe('repeated incidents', () => {
  it('counts the incidents beyond the first', () => {
    expect([0, 1, 2, 3, 7].map(repeatedIncidentCount)).toEqual([0, 0, 1, 2, 6]);
  });
});

describe('incidents a solved problem solves', () => {
  it('solves every status still worked, not solved or closed ones', () => {
    expect(TICKET_STATUSES.filter(solvesWithProblem)).toEqual(['new', 'open', 'pending', 'on_hold']);
  });
});

describe('the reply to a problem’s incidents', () => {
  it('takes a text with the ticket variables', () => {
    expect(problemReplyError('Fixed: {{ticket.subject}} (#{{ticket.number}}) works again. {{agent.name}}')).toBeNull();
  });

  it('refuses an empty text and unknown variables', () => {
    expect(problemReplyError('  \n')).toMatch(/^replyToIncidents must not be empty/);
    expect(problemReplyError('Hi {{customer.nickname}} {{survey.url}}')).toMatch(/^replyToIncidents uses unknown variable\(s\) \{\{customer\.nickname\}\}, \{\{survey\.url\}\}; it may use ticket\.id/);
  });
});
