import { WorkflowNotFoundError } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { surveyWorkflowId } from '../../workflows/survey/survey.contract.js';
import { awaitMail, outboxFor } from '../support/dev-outbox.js';
import { dataOf } from '../support/graphql-responses.js';
import { sendToInbound } from '../support/send-mail.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket, onlyError } from '../support/tickets.js';

const MERGE = `mutation($input: MergeTicketsInput!) { mergeTickets(input: $input) {
  duplicate { id status solvedAt closedAt } primary { id status } } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) {
  id status messages { body } timeline { sequence type actor data }
  mergedInto { id number } mergedTickets { id number messages { body } } } }`;
const REPLY = `mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id } }`;
const STATUS = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }`;

describe('merging a duplicate ticket into a primary (real API, PostgreSQL, Temporal, SMTP)', () => {
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

  async function createTicket(overrides: Record<string, unknown>): Promise<{ id: string; number: string }> {
    return dataOf(await system.graphql(CREATE_TICKET, { input: newTicket(overrides) }, agent)).createTicket;
  }

  const ticket = async (id: string) => dataOf(await system.graphql(TICKET, { id }, agent)).ticket;
  const merge = (duplicateTicketId: string, primaryTicketId: string) =>
    system.graphql(MERGE, { input: { duplicateTicketId, primaryTicketId } }, agent);

  it('closes the duplicate as merged, links its messages from the primary, notes it on both timelines and mails the requester once', async () => {
    const requester = uniqueAddress('merge');
    const primary = await createTicket({ requesterEmail: requester, subject: 'VPN drops every hour' });
    const duplicate = await createTicket({ requesterEmail: requester, subject: 'VPN again' });
    dataOf(await system.graphql(REPLY, { input: { ticketId: duplicate.id, body: 'Which client version?', public: true } }, agent));

    const result = dataOf(await merge(duplicate.id, primary.id)).mergeTickets;

    expect(result.duplicate).toMatchObject({ id: duplicate.id, status: 'CLOSED', solvedAt: null });
    expect(result.duplicate.closedAt).not.toBeNull();
    expect(result.primary).toMatchObject({ id: primary.id });
    const merged = await ticket(duplicate.id);
    expect(merged.timeline.at(-1)).toMatchObject({ type: 'merged', actor: agentId, data: { into: primary.id, intoNumber: primary.number } });
    // The public reply opened it; nothing after that moved it to solved or closed by a status change.
    expect(merged.timeline.filter((event: { type: string }) => event.type === 'status_changed').map((event: { data: unknown }) => event.data)).toEqual([
      { from: 'new', to: 'open' },
    ]);
    expect(merged.mergedInto).toEqual({ id: primary.id, number: primary.number });
    // Linked, not moved: the duplicate keeps its messages, the primary reaches them through mergedTickets.
    expect(merged.messages).toEqual([{ body: 'Which client version?' }]);
    const primaryNow = await waitFor('the primary noting the merge', async () => {
      const read = await ticket(primary.id);
      if (!read.timeline.some((event: { type: string }) => event.type === 'merged_in')) throw new Error('not yet');
      return read;
    }, 20_000);
    expect(primaryNow.timeline.filter((event: { type: string }) => event.type === 'merged_in')).toEqual([
      expect.objectContaining({ actor: agentId, data: { from: duplicate.id, fromNumber: duplicate.number } }),
    ]);
    expect(primaryNow.mergedTickets).toEqual([{ id: duplicate.id, number: duplicate.number, messages: [{ body: 'Which client version?' }] }]);

    const notice = await awaitMail(system, admin, requester, (mail) => mail.subject.startsWith('Merged into'));
    expect(notice.subject).toBe(`Merged into #${primary.number}: VPN again [#${duplicate.number}]`);
    expect(notice.text).toContain(`we will answer you on #${primary.number}`);
    expect(notice.headers['auto-submitted']).toBe('auto-generated');
    // Closed by a merge, not solved: no survey, no resolution in the reports.
    await expect(system.temporal.workflow.getHandle(surveyWorkflowId(duplicate.id)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    const [facts] = await system.dataSource.query('SELECT solved_at, resolution_minutes, done_at FROM ticket_report_facts WHERE ticket_id = $1', [duplicate.id]);
    expect(facts).toMatchObject({ solved_at: null, resolution_minutes: null });
    // Done all the same: out of the backlog from the merge on, the primary still in it.
    const [mergedEvent] = await system.dataSource.query(`SELECT occurred_at FROM ticket_events WHERE ticket_id = $1 AND type = 'merged'`, [duplicate.id]);
    expect(facts.done_at).toEqual(mergedEvent.occurred_at);
    const backlog = await system.graphql('query { ticketBacklog(groupBy: NONE) { open } }', {}, admin);
    const open = await system.dataSource.query<Array<{ id: string }>>(`SELECT id FROM tickets WHERE status NOT IN ('solved', 'closed')`);
    expect(open.map((row) => row.id)).toContain(primary.id);
    expect(open.map((row) => row.id)).not.toContain(duplicate.id);
    expect(backlog.data!.ticketBacklog.open).toBe(open.length);
    await system.temporal.workflow.getHandle(`ticket:${duplicate.id}`).result();
    const [{ count }] = await system.dataSource.query("SELECT count(*)::int AS count FROM sent_emails WHERE ticket_id = $1 AND template = 'merged'", [duplicate.id]);
    expect(count).toBe(1);
    expect((await outboxFor(system, admin, requester)).filter((mail) => mail.subject.startsWith('Merged into'))).toHaveLength(1);
  });

  it('threads a reply to the duplicate’s mail onto the primary', async () => {
    const requester = uniqueAddress('reply');
    const primary = await createTicket({ requesterEmail: requester, subject: 'Invoice wrong' });
    const duplicate = await createTicket({ requesterEmail: requester, subject: 'Invoice wrong (again)' });
    dataOf(await merge(duplicate.id, primary.id));
    const notice = await awaitMail(system, admin, requester, (mail) => mail.subject.startsWith('Merged into'));

    await sendToInbound(system.inboundSmtpPort, { from: requester, subject: notice.subject, text: 'Thanks, here is the PDF.', inReplyTo: notice.messageId!, references: [notice.messageId!] });

    expect((await ticket(primary.id)).messages).toEqual([{ body: 'Thanks, here is the PDF.' }]);
    expect((await ticket(duplicate.id)).messages).toEqual([]);
  });

  it('refuses a merge into itself or across requesters (naming the field), and one involving a closed ticket (CONFLICT)', async () => {
    const requester = uniqueAddress('refuse');
    const first = await createTicket({ requesterEmail: requester });
    const second = await createTicket({ requesterEmail: requester });
    const someoneElses = await createTicket({ requesterEmail: uniqueAddress('other') });

    const itself = onlyError(await merge(first.id, first.id));
    expect(itself).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'primaryTicketId', message: expect.stringContaining('into itself') }] } });
    const across = onlyError(await merge(someoneElses.id, first.id));
    expect(across).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'primaryTicketId', message: expect.stringContaining('same requester') }] } });

    dataOf(await system.graphql(STATUS, { input: { ticketId: second.id, status: 'SOLVED' } }, agent));
    dataOf(await system.graphql(STATUS, { input: { ticketId: second.id, status: 'CLOSED' } }, agent));
    expect(onlyError(await merge(first.id, second.id))).toMatchObject({ code: 'CONFLICT', message: `Ticket #${second.number} is closed: nothing can be merged into it.` });
    expect(onlyError(await merge(second.id, first.id))).toMatchObject({ code: 'CONFLICT', message: `Ticket #${second.number} is closed: it can no longer be merged.` });
    expect((await ticket(first.id)).timeline.map((event: { type: string }) => event.type)).not.toContain('merged');
  });

  it('lets only agents, supervisors and admins merge', async () => {
    const { token: lead } = await system.signIn(['implementation_lead']);
    const response = await system.graphql(MERGE, { input: { duplicateTicketId: '00000000-0000-4000-8000-000000000000', primaryTicketId: '00000000-0000-4000-8000-000000000001' } }, lead);
    expect(onlyError(response).code).toBe('FORBIDDEN');
  });
});
