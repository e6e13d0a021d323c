import { randomBytes } from 'node:crypto';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { awaitMail, outboxFor } from '../support/dev-outbox.js';
import { dataOf } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, eventsOfType, newTicket, onlyError } from '../support/tickets.js';

const PROBLEM_FIELDS = 'id number status incidentCount repeatedIncidentCount incidents { id number } knownError { note workaround setBy }';
const LINK = `mutation($input: LinkIncidentToProblemInput!) { linkIncidentToProblem(input: $input) {
  id problem { id number knownError { note workaround } } } }`;
const UNLINK = `mutation($input: UnlinkIncidentFromProblemInput!) { unlinkIncidentFromProblem(input: $input) { id problem { id } } }`;
const KNOWN_ERROR = `mutation($input: SetProblemKnownErrorInput!) { setProblemKnownError(input: $input) { ${PROBLEM_FIELDS} } }`;
const SOLVE = `mutation($input: SolveProblemInput!) { solveProblem(input: $input) { ${PROBLEM_FIELDS} } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) {
  id number status problem { id } ${PROBLEM_FIELDS} messages { body isPublic authorType } timeline { type actor data } } }`;
const INCIDENT_LIST = `query { tickets(filter: { types: [INCIDENT] }, first: 20) { edges { node { id problem { id knownError { note } } } } } }`;
const STATUS = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }`;
const CUSTOMER_REPLY = `mutation($input: RecordCustomerReplyInput!) { recordCustomerReply(input: $input) { ticket { id status } } }`;

interface TimelineRow {
  type: string;
  actor: string;
  data: Record<string, unknown>;
}

const REPLY = 'Hello {{customer.email}}, #{{ticket.number}} ({{ticket.subject}}) is fixed: the mail certificate was renewed.';

describe('problems and their incidents (real API, PostgreSQL, Temporal, SMTP)', () => {
  let system: TestSystem;
  let admin: string;
  let agent: string;
  let agentId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  const uniqueAddress = (name: string) => `${name}-${randomBytes(3).toString('hex')}@customer.example`;
  const createTicket = async (type: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; number: string; subject: string; requesterEmail: string }> =>
    dataOf(await system.graphql(CREATE_TICKET, { input: newTicket({ type, requesterEmail: uniqueAddress(type.toLowerCase()), ...overrides }) }, agent)).createTicket;
  const ticket = async (id: string) => dataOf(await system.graphql(TICKET, { id }, agent)).ticket;
  const link = (incidentId: string, problemId: string) => system.graphql(LINK, { input: { incidentId, problemId } }, agent);
  const closeTicket = async (id: string) => {
    dataOf(await system.graphql(STATUS, { input: { ticketId: id, status: 'SOLVED' } }, agent));
    dataOf(await system.graphql(STATUS, { input: { ticketId: id, status: 'CLOSED' } }, agent));
  };
  const problemEventsOf = async (ticketIds: string[]) =>
    system.dataSource.query<Array<{ ticket_id: string; type: string }>>(
      `SELECT ticket_id, type FROM ticket_events WHERE ticket_id = ANY($1::uuid[])
          AND type IN ('linked_to_problem', 'unlinked_from_problem', 'incident_linked', 'incident_unlinked', 'known_error_recorded', 'solved_with_problem')`,
      [ticketIds],
    );

  it('links incidents to a problem, offers its known error, and solving it solves them with one mail to each requester', async () => {
    const problem = await createTicket('PROBLEM', { subject: 'Mail certificate expired' });
    const known = dataOf(
      await system.graphql(KNOWN_ERROR, { input: { problemId: problem.id, note: 'The certificate expired.', workaround: 'Accept the warning once.' } }, agent),
    ).setProblemKnownError;
    expect(known.knownError).toEqual({ note: 'The certificate expired.', workaround: 'Accept the warning once.', setBy: agentId });
    // One after another: `incidents` lists them oldest first, which is this order only if they were created in it.
    const incidents = [];
    for (const subject of ['Outlook warns', 'Phone mail fails', 'Thunderbird refuses']) incidents.push(await createTicket('INCIDENT', { subject }));

    for (const incident of incidents) {
      const linked = dataOf(await link(incident.id, problem.id)).linkIncidentToProblem;
      expect(linked).toEqual({ id: incident.id, problem: { id: problem.id, number: problem.number, knownError: { note: 'The certificate expired.', workaround: 'Accept the warning once.' } } });
    }
    // Linking again to the same problem changes nothing.
    dataOf(await link(incidents[0].id, problem.id));
    // One more linked and unlinked: it leaves the counts as they were.
    const unlinked = await createTicket('INCIDENT');
    dataOf(await link(unlinked.id, problem.id));
    expect(dataOf(await system.graphql(UNLINK, { input: { incidentId: unlinked.id } }, agent)).unlinkIncidentFromProblem).toEqual({ id: unlinked.id, problem: null });

    const read = await waitFor('the problem noting its incidents', async () => {
      const now = await ticket(problem.id);
      if (eventsOfType(now.timeline, 'incident_unlinked').length === 0) throw new Error('not yet');
      return now;
    }, 20_000);
    expect(read).toMatchObject({ incidentCount: 3, repeatedIncidentCount: 2, incidents: incidents.map(({ id, number }) => ({ id, number })) });
    const problemEvents = eventsOfType<TimelineRow>(read.timeline, 'incident_linked', 'incident_unlinked', 'known_error_recorded');
    expect(problemEvents.map((event) => [event.type, event.data.incidentId])).toEqual([
      ['known_error_recorded', undefined],
      ...incidents.map(({ id }) => ['incident_linked', id]),
      ['incident_linked', unlinked.id],
      ['incident_unlinked', unlinked.id],
    ]);
    const firstIncident = await ticket(incidents[0].id);
    expect(firstIncident.problem).toEqual({ id: problem.id });
    expect(eventsOfType(firstIncident.timeline, 'linked_to_problem')).toEqual([
      { type: 'linked_to_problem', actor: agentId, data: { problemId: problem.id, problemNumber: problem.number } },
    ]);
    expect(eventsOfType((await ticket(unlinked.id)).timeline, 'linked_to_problem', 'unlinked_from_problem').map((event: { type: string }) => event.type)).toEqual([
      'linked_to_problem',
      'unlinked_from_problem',
    ]);
    // A list reads every incident's problem and known error (one batch, not a query per row).
    const listed = dataOf(await system.graphql(INCIDENT_LIST, {}, agent)).tickets.edges.map((edge: { node: unknown }) => edge.node);
    expect(listed).toEqual(expect.arrayContaining(incidents.map(({ id }) => ({ id, problem: { id: problem.id, knownError: { note: 'The certificate expired.' } } }))));

    const solved = dataOf(await system.graphql(SOLVE, { input: { problemId: problem.id, replyToIncidents: REPLY } }, agent)).solveProblem;
    expect(solved).toMatchObject({ id: problem.id, status: 'SOLVED', incidentCount: 3 });

    for (const incident of incidents) {
      const done = await waitFor(`#${incident.number} solved with its problem`, async () => {
        const now = await ticket(incident.id);
        if (now.status !== 'SOLVED') throw new Error(`still ${now.status}`);
        return now;
      }, 20_000);
      const body = `Hello ${incident.requesterEmail}, #${incident.number} (${incident.subject}) is fixed: the mail certificate was renewed.`;
      expect(done.messages).toEqual([{ body, isPublic: true, authorType: 'agent' }]);
      expect(eventsOfType(done.timeline, 'solved_with_problem')).toEqual([
        { type: 'solved_with_problem', actor: agentId, data: { problemId: problem.id, problemNumber: problem.number, messageId: expect.any(String) } },
      ]);
      const mail = await awaitMail(system, admin, incident.requesterEmail, (sent) => sent.text.includes('is fixed'));
      expect(mail.text).toContain(body);
    }
    // Exactly one mail each about the solve: the reply, no separate solved notice (a retried delivery is not resent).
    for (const incident of incidents) {
      const sent = await system.dataSource.query<Array<{ template: string }>>(
        `SELECT template FROM sent_emails WHERE ticket_id = $1 AND template <> 'acknowledgment'`,
        [incident.id],
      );
      expect(sent).toEqual([{ template: 'agent_reply' }]);
      expect((await outboxFor(system, admin, incident.requesterEmail)).filter((mail) => mail.text.includes('is fixed'))).toHaveLength(1);
    }
    // The reply's template stays on the problem as an internal note.
    expect((await ticket(problem.id)).messages).toEqual([{ body: REPLY, isPublic: false, authorType: 'agent' }]);

    // A reopened incident leaves the problem alone.
    const reopened = dataOf(await system.graphql(CUSTOMER_REPLY, { input: { ticketId: incidents[0].id, body: 'Still warns here.' } }, agent)).recordCustomerReply;
    expect(reopened.ticket).toEqual({ id: incidents[0].id, status: 'OPEN' });
    expect((await ticket(problem.id)).status).toBe('SOLVED');
  });

  it('refuses wrong types, a self-link, a second problem, unknown ids and closed tickets, writing nothing', async () => {
    const problem = await createTicket('PROBLEM');
    const otherProblem = await createTicket('PROBLEM');
    const closedProblem = await createTicket('PROBLEM');
    await closeTicket(closedProblem.id);
    const question = await createTicket('QUESTION');
    const incident = await createTicket('INCIDENT');
    const closedIncident = await createTicket('INCIDENT');
    await closeTicket(closedIncident.id);
    const unknownId = '00000000-0000-4000-8000-000000000000';

    expect(onlyError(await link(question.id, problem.id))).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { fields: [{ field: 'incidentId', message: `incidentId: ticket #${question.number} is a question; only an incident links to a problem.` }] },
    });
    expect(onlyError(await link(incident.id, question.id))).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { fields: [{ field: 'problemId', message: `problemId: ticket #${question.number} is a question; an incident links only to a problem.` }] },
    });
    expect(onlyError(await link(problem.id, problem.id))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'problemId' }] } });
    expect(onlyError(await link(unknownId, problem.id))).toMatchObject({ code: 'NOT_FOUND' });
    expect(onlyError(await link(incident.id, unknownId))).toMatchObject({ code: 'NOT_FOUND' });
    expect(onlyError(await link(incident.id, closedProblem.id))).toMatchObject({ code: 'CONFLICT', message: `Ticket #${closedProblem.number} is closed: no incident can be linked to it.` });
    expect(onlyError(await link(closedIncident.id, problem.id))).toMatchObject({ code: 'CONFLICT' });
    expect(onlyError(await system.graphql(UNLINK, { input: { incidentId: incident.id } }, agent))).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { fields: [{ field: 'incidentId' }] },
    });
    expect(onlyError(await system.graphql(KNOWN_ERROR, { input: { problemId: question.id, note: 'n', workaround: 'w' } }, agent))).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { fields: [{ field: 'problemId' }] },
    });
    expect(onlyError(await system.graphql(KNOWN_ERROR, { input: { problemId: closedProblem.id, note: 'n', workaround: 'w' } }, agent))).toMatchObject({ code: 'CONFLICT' });
    const solve = (problemId: string, replyToIncidents = REPLY) => system.graphql(SOLVE, { input: { problemId, replyToIncidents } }, agent);
    expect(onlyError(await solve(incident.id))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'problemId' }] } });
    expect(onlyError(await solve(problem.id, 'Fixed, {{survey.url}}'))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'replyToIncidents' }] } });
    expect(onlyError(await solve(closedProblem.id))).toMatchObject({ code: 'CONFLICT' });

    const all = [problem, otherProblem, closedProblem, question, incident, closedIncident].map(({ id }) => id);
    expect(await problemEventsOf(all)).toEqual([]);
    expect(await system.dataSource.query('SELECT id FROM tickets WHERE id = ANY($1::uuid[]) AND problem_id IS NOT NULL', [all])).toEqual([]);
    expect(await system.dataSource.query('SELECT problem_id FROM problem_known_errors WHERE problem_id = ANY($1::uuid[])', [all])).toEqual([]);
    expect(await system.dataSource.query('SELECT id FROM ticket_messages WHERE ticket_id = ANY($1::uuid[])', [all])).toEqual([]);

    // Linked to one problem, an incident is refused a second until it is unlinked.
    dataOf(await link(incident.id, problem.id));
    expect(onlyError(await link(incident.id, otherProblem.id))).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { fields: [{ field: 'incidentId', message: `incidentId: ticket #${incident.number} is linked to another problem; unlink it first.` }] },
    });
    expect((await ticket(otherProblem.id)).incidentCount).toBe(0);
  });
});
