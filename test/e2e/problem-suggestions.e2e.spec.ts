import { randomBytes } from 'node:crypto';
import { dataOf } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket, onlyError } from '../support/tickets.js';

const SUGGESTED = `query($id: ID!, $first: Int) { ticket(id: $id) { suggestedProblems(first: $first) { id subject status } } }`;
const STATUS = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }`;

// Suggesting an open problem for a new incident on the real stack: the knowledge suggestions' full-text search over
// the problems' subjects and descriptions, open problems only.
describe('suggested problems for an incident (real API, PostgreSQL, Temporal)', () => {
  let system: TestSystem;
  let agent: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: agent } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  const createTicket = async (type: string, subject: string, description = 'Reported by phone.'): Promise<{ id: string }> =>
    dataOf(
      await system.graphql(
        CREATE_TICKET,
        { input: newTicket({ type, subject, description, requesterEmail: `c-${randomBytes(3).toString('hex')}@customer.example` }) },
        agent,
      ),
    ).createTicket;
  const suggested = async (id: string, first?: number) => system.graphql(SUGGESTED, { id, first }, agent);

  it('offers the open problem with a similar subject, not a solved one nor an unrelated one', async () => {
    const open = await createTicket('PROBLEM', 'Mail server certificate expired', 'Clients refuse the TLS certificate of the mail server.');
    const solved = await createTicket('PROBLEM', 'Mail certificate not trusted on phones');
    dataOf(await system.graphql(STATUS, { input: { ticketId: solved.id, status: 'SOLVED' } }, agent));
    await createTicket('PROBLEM', 'VPN drops every hour');
    // Sharing a word with the incident, but a question, not a problem.
    await createTicket('QUESTION', 'Where do I download the mail certificate?');
    const incident = await createTicket('INCIDENT', 'Outlook says the mail certificate expired');

    expect(dataOf(await suggested(incident.id)).ticket.suggestedProblems).toEqual([
      { id: open.id, subject: 'Mail server certificate expired', status: expect.any(String) },
    ]);
    // Only incidents get suggestions; `first` is bounded.
    const question = await createTicket('QUESTION', 'Mail certificate expired?');
    expect(dataOf(await suggested(question.id)).ticket.suggestedProblems).toEqual([]);
    expect(onlyError(await suggested(incident.id, 0))).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] } });
  });

  it("offers an incident with a service that service's problems first, then problems of no service, never another service's", async () => {
    const { token: admin } = await system.signIn(['admin']);
    const group = dataOf(await system.graphql(`mutation { createGroup(input: { name: "Service desk" }) { id } }`, {}, admin)).createGroup.id as string;
    const [mailService, vpnService] = await system.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO services (id, name, owner_group_id) VALUES (gen_random_uuid(), 'Mail', $1), (gen_random_uuid(), 'VPN', $1) RETURNING id`,
      [group],
    );
    const ofMail = await createTicket('PROBLEM', 'Calendar invitations arrive late');
    const ofVpn = await createTicket('PROBLEM', 'Calendar sync fails over the tunnel');
    const ofNone = await createTicket('PROBLEM', 'Calendar invitations arrive late for everyone');
    const incident = await createTicket('INCIDENT', 'Calendar invitations arrive late');
    // The catalog gives a service to service requests only: no API sets an incident's (or a problem's) yet.
    const setService = (ticketId: string, serviceId: string) => system.dataSource.query(`UPDATE tickets SET service_id = $2 WHERE id = $1`, [ticketId, serviceId]);
    await setService(ofMail.id, mailService.id);
    await setService(ofVpn.id, vpnService.id);
    await setService(incident.id, mailService.id);
    const ids = dataOf(await suggested(incident.id)).ticket.suggestedProblems.map((problem: { id: string }) => problem.id);
    expect(ids).toEqual([ofMail.id, ofNone.id]);
  });

  it('ranks the problem sharing more of the subject first', async () => {
    const loose = await createTicket('PROBLEM', 'Printer offline');
    const close = await createTicket('PROBLEM', 'Printer on floor 3 prints blank pages');
    const incident = await createTicket('INCIDENT', 'Floor 3 printer prints blank pages again');
    const ids = dataOf(await suggested(incident.id)).ticket.suggestedProblems.map((problem: { id: string }) => problem.id);
    expect(ids).toEqual([close.id, loose.id]);
  });
});
