import { randomBytes } from 'node:crypto';
import { requestLinkConfig } from '../../activities/email/request-links.js';
import { surveyLinkConfig } from '../../activities/surveys/survey-links.js';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { signRequestToken } from '../../libs/domain/portal/request-token.js';
import { awaitMail, type OutboxMail } from '../support/dev-outbox.js';
import { requestPathIn, requestTokenIn } from '../support/portal-links.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { onlyError } from '../support/tickets.js';
import { workflowHistoryText } from '../support/workflow-history-text.js';

// The customer portal's requests on the real system, as the portal calls them (no login): the form opens a ticket,
// its acknowledgment mails a signed link, and the link reads the public conversation and answers it.

const SUBMIT = `mutation($input: SubmitPortalRequestInput!) { submitPortalRequest(input: $input) { sentTo } }`;
const REQUEST_FIELDS = 'number subject status description createdAt updatedAt messages { id author body createdAt }';
const REQUEST = `query($token: String!) { portalRequest(token: $token) { ${REQUEST_FIELDS} } }`;
const REPLY = `mutation($input: ReplyToPortalRequestInput!) { replyToPortalRequest(input: $input) { addedTo followUp request { ${REQUEST_FIELDS} } } }`;
const AGENT_REPLY = 'mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id } }';
const CHANGE_STATUS = 'mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }';
const MERGE = 'mutation($input: MergeTicketsInput!) { mergeTickets(input: $input) { __typename } }';

interface PortalRequest {
  number: string;
  subject: string;
  status: string;
  description: string;
  messages: Array<{ id: string; author: string; body: string }>;
}

describe('customer portal requests', () => {
  let system: TestSystem;
  let admin: string;
  let agent: { token: string; email: string };

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    agent = await system.signIn(['agent']);
  });
  afterAll(() => system.stop());

  /** Submits the form as `email` and returns the ticket and the acknowledgment it mailed. */
  async function submit(email: string, subject: string): Promise<{ ticket: { id: string; number: string }; acknowledgment: OutboxMail }> {
    const { data, errors } = await system.graphql(SUBMIT, { input: { name: 'Ada Lovelace', email, subject, description: 'It does not start.' } });
    expect(errors).toBeUndefined();
    expect(data).toEqual({ submitPortalRequest: { sentTo: email.toLowerCase() } });
    const [ticket] = await system.dataSource.query('SELECT id, number FROM tickets WHERE requester_email = $1 AND subject = $2', [email.toLowerCase(), subject]);
    const acknowledgment = await awaitMail(system, admin, email.toLowerCase(), (mail) => mail.subject === `We received your request: ${subject} [#${ticket.number}]`);
    return { ticket, acknowledgment };
  }

  async function portalRequest(token: string): Promise<PortalRequest> {
    const { data, errors } = await system.graphql<{ portalRequest: PortalRequest }>(REQUEST, { token });
    expect(errors).toBeUndefined();
    return data!.portalRequest;
  }

  it('opens a web ticket the way createTicket does and mails the requester, by name, a link to it', async () => {
    const { ticket, acknowledgment } = await submit('Ada@Example.com', 'Laptop will not boot');

    const [row] = await system.dataSource.query(
      `SELECT t.channel, t.requester_email, t.created_by, c.name AS customer_name FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = $1`,
      [ticket.id],
    );
    expect(row).toEqual({ channel: 'web', requester_email: 'ada@example.com', created_by: null, customer_name: 'Ada Lovelace' });
    expect(acknowledgment.text).toContain('Hello Ada Lovelace');
    expect(requestPathIn(acknowledgment)).toMatch(/^\/portal\/requests\/[0-9a-f-]{36}\.\d+\.[\w-]+$/);
    // The worker's activity signed the link: the workflow's history never held it.
    const history = await workflowHistoryText(system.temporal, `ticket:${ticket.id}`);
    expect(history).toContain(ticket.id); // the search reads the decoded payloads
    expect(history).not.toContain(requestTokenIn(acknowledgment).split('.')[2]);

    expect(await portalRequest(requestTokenIn(acknowledgment))).toMatchObject({
      number: ticket.number,
      subject: 'Laptop will not boot',
      status: 'NEW',
      description: 'It does not start.',
      messages: [],
    });
  });

  it('gives a form sent twice with the same key one request, whose link goes out once', async () => {
    // A portal key alone names the ticket (and its workflow): unique, as the run's test files share one Temporal server.
    const idempotencyKey = `form-${randomBytes(4).toString('hex')}`;
    const input = { name: 'Alan Turing', email: 'alan@example.com', subject: 'Sent twice', description: 'Tapped twice.', idempotencyKey };
    const answers = await Promise.all([system.graphql(SUBMIT, { input }), system.graphql(SUBMIT, { input })]);

    expect(answers.map(({ data, errors }) => ({ data, errors }))).toEqual([
      { data: { submitPortalRequest: { sentTo: 'alan@example.com' } }, errors: undefined },
      { data: { submitPortalRequest: { sentTo: 'alan@example.com' } }, errors: undefined },
    ]);
    const tickets = await system.dataSource.query(`SELECT id FROM tickets WHERE requester_email = 'alan@example.com'`);
    expect(tickets).toHaveLength(1);
    await awaitMail(system, admin, 'alan@example.com', (mail) => mail.subject.startsWith('We received'));
    const [{ count }] = await system.dataSource.query(`SELECT count(*)::int AS count FROM sent_emails WHERE ticket_id = $1 AND template = 'acknowledgment'`, [tickets[0].id]);
    expect(count).toBe(1);
  });

  it('names every wrong field of the form and opens no ticket', async () => {
    const response = await system.graphql(SUBMIT, { input: { name: ' ', email: 'not-an-address', subject: '', description: 'x' } });

    const error = onlyError(response);
    expect(error.code).toBe('BAD_USER_INPUT');
    const fields = (response.errors![0].extensions!.fields as Array<{ field: string; message: string }>).map(({ field, message }) => [field, message]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['name', 'name must not be blank'],
        ['email', 'email must be an email address'],
        ['subject', expect.stringContaining('subject must be 1 to')],
      ]),
    );
    const [{ count }] = await system.dataSource.query(`SELECT count(*)::int AS count FROM tickets WHERE requester_email = 'not-an-address'`);
    expect(count).toBe(0);
  });

  it('shows public replies only (no internal note, no agent address), and a reply lands once and reopens a solved ticket', async () => {
    const { ticket, acknowledgment } = await submit('grace@example.com', 'Invoice is wrong');
    const token = requestTokenIn(acknowledgment);
    for (const [body, isPublic] of [['We are looking at it.', true], ['Customer seems confused; check billing.', false]] as const) {
      const { errors } = await system.graphql(AGENT_REPLY, { input: { ticketId: ticket.id, body, public: isPublic } }, agent.token);
      expect(errors).toBeUndefined();
    }
    expect((await system.graphql(CHANGE_STATUS, { input: { ticketId: ticket.id, status: 'SOLVED' } }, agent.token)).errors).toBeUndefined();

    const shown = await portalRequest(token);
    expect(shown.status).toBe('SOLVED');
    expect(shown.messages.map(({ author, body }) => ({ author, body }))).toEqual([{ author: 'SUPPORT', body: 'We are looking at it.' }]);
    const raw = JSON.stringify(await system.graphql(REQUEST, { token }));
    expect(raw).not.toContain('check billing');
    expect(raw).not.toContain(agent.email);

    const reply = await system.graphql<{ replyToPortalRequest: { addedTo: string; followUp: boolean; request: PortalRequest } }>(REPLY, {
      input: { token, body: 'Still wrong on page 2.' },
    });
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.replyToPortalRequest).toMatchObject({ addedTo: ticket.number, followUp: false });
    expect(reply.data!.replyToPortalRequest.request.messages.map(({ author, body }) => ({ author, body }))).toEqual([
      { author: 'SUPPORT', body: 'We are looking at it.' },
      { author: 'CUSTOMER', body: 'Still wrong on page 2.' },
    ]);
    const stored = await system.dataSource.query(`SELECT author_type, is_public FROM ticket_messages WHERE ticket_id = $1 AND body = 'Still wrong on page 2.'`, [ticket.id]);
    expect(stored).toEqual([{ author_type: 'customer', is_public: true }]);
    // The workflow heard the reply as it hears an inbound mail's: the solved ticket is open again.
    await waitFor('the ticket to reopen', async () => {
      if ((await portalRequest(token)).status !== 'OPEN') throw new Error('not reopened yet');
    }, 20_000, 100);
  });

  it('adds an answer to a merged request to the request it was merged into, as a mailed reply would go', async () => {
    const duplicate = await submit('merge@example.com', 'VPN down');
    const primary = await submit('merge@example.com', 'VPN down again');
    const merged = await system.graphql(MERGE, { input: { duplicateTicketId: duplicate.ticket.id, primaryTicketId: primary.ticket.id } }, agent.token);
    expect(merged.errors).toBeUndefined();

    const reply = await system.graphql<{ replyToPortalRequest: { addedTo: string; followUp: boolean; request: PortalRequest } }>(REPLY, {
      input: { token: requestTokenIn(duplicate.acknowledgment), body: 'Any news?' },
    });

    expect(reply.errors).toBeUndefined();
    expect(reply.data!.replyToPortalRequest).toMatchObject({ addedTo: primary.ticket.number, followUp: false, request: { status: 'CLOSED' } });
    expect((await portalRequest(requestTokenIn(primary.acknowledgment))).messages.map(({ author, body }) => ({ author, body }))).toEqual([
      { author: 'CUSTOMER', body: 'Any news?' },
    ]);
  });

  it('opens a follow-up request for an answer to a closed one, and mails its own link', async () => {
    const { ticket, acknowledgment } = await submit('closed@example.com', 'Old problem');
    for (const status of ['SOLVED', 'CLOSED']) {
      expect((await system.graphql(CHANGE_STATUS, { input: { ticketId: ticket.id, status } }, agent.token)).errors).toBeUndefined();
    }

    const reply = await system.graphql<{ replyToPortalRequest: { addedTo: string; followUp: boolean; request: PortalRequest } }>(REPLY, {
      input: { token: requestTokenIn(acknowledgment), body: 'It is back.' },
    });

    expect(reply.errors).toBeUndefined();
    const { addedTo, followUp, request } = reply.data!.replyToPortalRequest;
    expect({ followUp, status: request.status, messages: request.messages }).toEqual({ followUp: true, status: 'CLOSED', messages: [] });
    const followUpMail = await awaitMail(system, admin, 'closed@example.com', (mail) => mail.subject.endsWith(`[#${addedTo}]`));
    expect(await portalRequest(requestTokenIn(followUpMail))).toMatchObject({ number: addedTo, subject: 'Follow-up: Old problem', description: 'It is back.', messages: [] });
  });

  it('opens one follow-up for a retried answer (same idempotency key) to a closed request, also when the retries race', async () => {
    const { ticket, acknowledgment } = await submit('retried@example.com', 'Flaky network');
    for (const status of ['SOLVED', 'CLOSED']) {
      expect((await system.graphql(CHANGE_STATUS, { input: { ticketId: ticket.id, status } }, agent.token)).errors).toBeUndefined();
    }
    const input = { token: requestTokenIn(acknowledgment), body: 'Down again.', idempotencyKey: 'answer-1' };

    const replies = await Promise.all([1, 2, 3].map(() => system.graphql<{ replyToPortalRequest: { addedTo: string; followUp: boolean } }>(REPLY, { input })));

    expect(replies.map(({ errors }) => errors)).toEqual([undefined, undefined, undefined]);
    const [{ addedTo }] = replies.map(({ data }) => data!.replyToPortalRequest);
    expect(replies.map(({ data }) => data!.replyToPortalRequest)).toEqual(replies.map(() => expect.objectContaining({ addedTo, followUp: true })));
    expect(await system.dataSource.query('SELECT number FROM tickets WHERE follow_up_of = $1', [ticket.id])).toEqual([{ number: addedTo }]);
  });

  it('refuses a forged, altered or expired link (FORBIDDEN with a stable reason) and records nothing', async () => {
    const { ticket, acknowledgment } = await submit('linus@example.com', 'Printer on fire');
    const token = requestTokenIn(acknowledgment);
    const [ticketId, expiry, signature] = token.split('.');
    const secret = requestLinkConfig(surveyLinkConfig(system.config)).tokenSecret;
    const expired = signRequestToken(secret, { ticketId, expiresAt: Date.now() - 1000 });
    const cases: Array<[string, string]> = [
      ['not-a-token', 'PORTAL_LINK_INVALID'],
      [`${ticketId}.${Number(expiry) + 3600}.${signature}`, 'PORTAL_LINK_INVALID'],
      [signRequestToken(system.config.jwtSecret, { ticketId, expiresAt: Date.now() + 3600_000 }), 'PORTAL_LINK_INVALID'],
      [expired, 'PORTAL_LINK_EXPIRED'],
    ];

    for (const [bad, reason] of cases) {
      for (const response of [await system.graphql(REQUEST, { token: bad }), await system.graphql(REPLY, { input: { token: bad, body: 'Hello?' } })]) {
        expect(response.data).toBeNull();
        expect(response.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason });
      }
    }
    const [{ count }] = await system.dataSource.query('SELECT count(*)::int AS count FROM ticket_messages WHERE ticket_id = $1', [ticket.id]);
    expect(count).toBe(0);
  });
});
