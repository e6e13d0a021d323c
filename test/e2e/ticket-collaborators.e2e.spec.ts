import { randomBytes } from 'node:crypto';
import { awaitMail, outboxFor } from '../support/dev-outbox.js';
import { dataOf } from '../support/graphql-responses.js';
import { sendToInbound } from '../support/send-mail.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, eventsOfType, newTicket, onlyError } from '../support/tickets.js';

const ADD = `mutation($input: TicketCollaboratorInput!) { addTicketCollaborator(input: $input) { email addedBy } }`;
const REMOVE = `mutation($input: TicketCollaboratorInput!) { removeTicketCollaborator(input: $input) { email } }`;
const TICKET = `query($id: ID!) { ticket(id: $id) { collaborators { email } messages { body authorType } timeline { type actor data } } }`;
const REPLY = `mutation($input: ReplyToTicketInput!) { replyToTicket(input: $input) { id } }`;
const TICKETS_OF = `query($email: String!) { tickets(filter: { requesterEmail: $email }, first: 20) { edges { node { id } } } }`;

describe('collaborators (CC) on a ticket (real API, PostgreSQL, Temporal, SMTP)', () => {
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
  const createTicket = async (requesterEmail: string): Promise<{ id: string; number: string }> =>
    dataOf(await system.graphql(CREATE_TICKET, { input: newTicket({ requesterEmail, subject: 'Shared printer' }) }, agent)).createTicket;
  const ticket = async (id: string) => dataOf(await system.graphql(TICKET, { id }, agent)).ticket;
  const change = (mutation: string, ticketId: string, email: string) => system.graphql(mutation, { input: { ticketId, email } }, agent);
  const reply = async (ticketId: string, body: string, isPublic = true) =>
    dataOf(await system.graphql(REPLY, { input: { ticketId, body, public: isPublic } }, agent));

  it('adds and removes addresses, each change once on the timeline, and refuses the requester and unknown addresses by field', async () => {
    const requester = uniqueAddress('req');
    const boss = uniqueAddress('boss');
    const created = await createTicket(requester);

    expect(dataOf(await change(ADD, created.id, boss.toUpperCase())).addTicketCollaborator).toEqual([{ email: boss, addedBy: agentId }]);
    expect(dataOf(await change(ADD, created.id, boss)).addTicketCollaborator).toEqual([{ email: boss, addedBy: agentId }]); // no second entry
    expect(onlyError(await change(ADD, created.id, requester))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'email' }] } });
    expect(onlyError(await change(ADD, created.id, 'not-an-address'))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'email' }] } });
    expect((await ticket(created.id)).collaborators).toEqual([{ email: boss }]);

    expect(dataOf(await change(REMOVE, created.id, boss)).removeTicketCollaborator).toEqual([]);
    expect(onlyError(await change(REMOVE, created.id, boss))).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'email' }] } });
    expect(eventsOfType((await ticket(created.id)).timeline, 'collaborator_added', 'collaborator_removed')).toEqual([
      { type: 'collaborator_added', actor: agentId, data: { email: boss } },
      { type: 'collaborator_removed', actor: agentId, data: { email: boss } },
    ]);
  });

  it('copies collaborators on public replies only, and no longer once removed', async () => {
    const requester = uniqueAddress('req');
    const colleague = uniqueAddress('colleague');
    const created = await createTicket(requester);
    dataOf(await change(ADD, created.id, colleague));

    await reply(created.id, 'An internal thought.', false);
    await reply(created.id, 'Please restart the printer.');
    const copied = await awaitMail(system, admin, colleague, (mail) => mail.text.includes('Please restart the printer.'));
    expect(copied.to).toEqual(expect.arrayContaining([requester, colleague]));
    expect(copied.headers.cc).toBe(colleague);
    expect(copied.headers.to).toBe(requester);

    dataOf(await change(REMOVE, created.id, colleague));
    await reply(created.id, 'Did that help?');
    await awaitMail(system, admin, requester, (mail) => mail.text.includes('Did that help?'));
    const colleagueMail = await outboxFor(system, admin, colleague);
    expect(colleagueMail.map((mail) => mail.text.split('\n')[0])).toEqual(['Please restart the printer.']);
  });

  it("threads a collaborator's mail quoting the ticket number onto the ticket; a stranger's still opens a ticket of their own", async () => {
    const requester = uniqueAddress('req');
    const colleague = uniqueAddress('colleague');
    const stranger = uniqueAddress('stranger');
    const created = await createTicket(requester);
    dataOf(await change(ADD, created.id, colleague));

    await sendToInbound(system.inboundSmtpPort, { from: colleague, subject: `Re: Shared printer [#${created.number}]`, text: 'It is on floor 3.' });
    await sendToInbound(system.inboundSmtpPort, { from: stranger, subject: `Re: Shared printer [#${created.number}]`, text: 'Me too.' });

    expect((await ticket(created.id)).messages).toEqual([{ body: 'It is on floor 3.', authorType: 'customer' }]);
    expect(dataOf(await system.graphql(TICKETS_OF, { email: colleague }, agent)).tickets.edges).toEqual([]);
    expect(dataOf(await system.graphql(TICKETS_OF, { email: stranger }, agent)).tickets.edges).toHaveLength(1);
    // The collaborator writing does not become the ticket's customer.
    const [row] = await system.dataSource.query('SELECT c.email FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = $1', [created.id]);
    expect(row.email).not.toBe(colleague);
  });

  it('refuses a change on a closed ticket (CONFLICT) and keeps the list as it was', async () => {
    const created = await createTicket(uniqueAddress('req'));
    for (const status of ['SOLVED', 'CLOSED']) {
      dataOf(await system.graphql(`mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }`, { input: { ticketId: created.id, status } }, agent));
    }
    expect(onlyError(await change(ADD, created.id, uniqueAddress('late'))).code).toBe('CONFLICT');
    expect((await ticket(created.id)).collaborators).toEqual([]);
  });
});
