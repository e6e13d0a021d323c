import { randomBytes } from 'node:crypto';
import { awaitMail } from '../support/dev-outbox.js';
import { dataOf } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, eventsOfType, newTicket, onlyError } from '../support/tickets.js';

const MACRO_FIELDS = 'id name body public setStatus setPriority addTags';
const CREATE = `mutation($input: MacroInput!) { createMacro(input: $input) { ${MACRO_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: MacroInput!) { updateMacro(id: $id, input: $input) { ${MACRO_FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteMacro(id: $id) { id } }`;
const LIST = `{ macros { name } }`;
const PREVIEW = `query($input: ApplyMacroInput!) { previewMacro(input: $input) { body public status priority tags } }`;
const APPLY = `mutation($input: ApplyMacroInput!) { applyMacro(input: $input) {
  message { body isPublic authorUserId } ticket { id status priority tags timeline { type actor data } messages { body } } } }`;
const STATUS = `mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }`;

const WAITING_FOR_LOGS = {
  name: 'Ask for logs',
  body: 'Hello {{customer.name}}, could you send us the logs for #{{ticket.number}}? {{agent.name}}',
  public: true,
  setStatus: 'PENDING',
  setPriority: 'HIGH',
  addTags: ['needs-logs'],
};

describe('macros (real API, PostgreSQL, Temporal, SMTP)', () => {
  let system: TestSystem;
  let admin: string;
  let adminId: string;
  let agent: string;
  let agentId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin, userId: adminId } = await system.signIn(['admin']));
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  const uniqueName = (name: string) => `${name} ${randomBytes(3).toString('hex')}`;
  const createMacro = async (overrides: Record<string, unknown> = {}) =>
    dataOf(await system.graphql(CREATE, { input: { ...WAITING_FOR_LOGS, name: uniqueName('Logs'), ...overrides } }, admin)).createMacro;
  const createTicket = async (requesterEmail: string): Promise<{ id: string; number: string; status: string }> =>
    dataOf(await system.graphql(CREATE_TICKET, { input: newTicket({ requesterEmail, tags: ['vpn'], priority: 'NORMAL' }) }, agent)).createTicket;

  it('lets admins create, update and delete macros, each change audited with its before and after', async () => {
    const macro = await createMacro({ name: 'Audited macro' });
    expect(macro).toMatchObject({ ...WAITING_FOR_LOGS, name: 'Audited macro' });
    const updated = dataOf(await system.graphql(UPDATE, { id: macro.id, input: { ...WAITING_FOR_LOGS, name: 'Audited macro', setStatus: null } }, admin)).updateMacro;
    expect(updated.setStatus).toBeNull();
    expect(dataOf(await system.graphql(LIST, {}, agent)).macros).toContainEqual({ name: 'Audited macro' });
    dataOf(await system.graphql(DELETE, { id: macro.id }, admin));
    expect(dataOf(await system.graphql(LIST, {}, agent)).macros).not.toContainEqual({ name: 'Audited macro' });

    const audit = await system.dataSource.query(
      "SELECT action, actor_user_id, before->>'setStatus' AS before_status, after->>'setStatus' AS after_status FROM audit_log WHERE entity_type = 'macro' AND entity_id = $1 ORDER BY id",
      [macro.id],
    );
    expect(audit).toEqual([
      { action: 'macro.created', actor_user_id: adminId, before_status: null, after_status: 'pending' },
      { action: 'macro.updated', actor_user_id: adminId, before_status: 'pending', after_status: null },
      { action: 'macro.deleted', actor_user_id: adminId, before_status: null, after_status: null },
    ]);
  });

  it('refuses a bad macro naming the field, a second macro of the same name, and a non-admin author', async () => {
    const unknownVariable = onlyError(await system.graphql(CREATE, { input: { ...WAITING_FOR_LOGS, name: uniqueName('Bad'), body: 'See {{survey.url}}' } }, admin));
    expect(unknownVariable).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'body', message: expect.stringContaining('{{survey.url}}') }] } });
    const closing = onlyError(await system.graphql(CREATE, { input: { ...WAITING_FOR_LOGS, name: uniqueName('Bad'), setStatus: 'CLOSED' } }, admin));
    expect(closing).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'setStatus' }] } });
    const blank = onlyError(await system.graphql(CREATE, { input: { ...WAITING_FOR_LOGS, name: '   ' } }, admin));
    expect(blank).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: [{ field: 'name' }] } });

    const taken = await createMacro();
    expect(onlyError(await system.graphql(CREATE, { input: { ...WAITING_FOR_LOGS, name: taken.name.toUpperCase() } }, admin))).toMatchObject({
      code: 'CONFLICT',
      extensions: { fields: [{ field: 'name' }] },
    });
    expect(onlyError(await system.graphql(CREATE, { input: { ...WAITING_FOR_LOGS, name: uniqueName('Mine') } }, agent)).code).toBe('FORBIDDEN');
  });

  it('previews, then applies as a reply followed by the status change and the reclassification, mailing the rendered text', async () => {
    const requester = `logs-${randomBytes(3).toString('hex')}@customer.example`;
    const macro = await createMacro();
    const ticket = await createTicket(requester);
    const input = { ticketId: ticket.id, macroId: macro.id };
    const [{ display_name: agentName }] = await system.dataSource.query('SELECT display_name FROM users WHERE id = $1', [agentId]);
    const rendered = `Hello ${requester}, could you send us the logs for #${ticket.number}? ${agentName}`;

    const preview = dataOf(await system.graphql(PREVIEW, { input }, agent)).previewMacro;
    expect(preview).toEqual({ body: rendered, public: true, status: 'PENDING', priority: 'HIGH', tags: ['vpn', 'needs-logs'] });
    expect(dataOf(await system.graphql(`query($id: ID!) { ticket(id: $id) { status messages { body } } }`, { id: ticket.id }, agent)).ticket).toEqual({
      status: 'NEW',
      messages: [],
    });

    const applied = dataOf(await system.graphql(APPLY, { input }, agent)).applyMacro;

    expect(applied.message).toEqual({ body: rendered, isPublic: true, authorUserId: agentId });
    expect(applied.ticket).toMatchObject({ status: 'PENDING', priority: 'HIGH', tags: ['vpn', 'needs-logs'], messages: [{ body: rendered }] });
    expect(eventsOfType(applied.ticket.timeline, 'agent_replied', 'status_changed', 'reclassified')).toEqual([
      expect.objectContaining({ type: 'agent_replied', actor: agentId }),
      expect.objectContaining({ type: 'status_changed', actor: agentId, data: { from: 'new', to: 'open' } }),
      expect.objectContaining({ type: 'status_changed', actor: agentId, data: { from: 'open', to: 'pending' } }),
      expect.objectContaining({ type: 'reclassified', actor: agentId, data: { priority: { from: 'normal', to: 'high' }, tags: { from: ['vpn'], to: ['vpn', 'needs-logs'] } } }),
    ]);
    const mail = await awaitMail(system, admin, requester, (candidate) => candidate.subject.startsWith('Re:'));
    expect(mail.text).toContain(rendered);
  });

  it('refuses a macro the ticket cannot take before writing anything', async () => {
    const macro = await createMacro();
    const ticket = await createTicket(`solved-${randomBytes(3).toString('hex')}@customer.example`);
    dataOf(await system.graphql(STATUS, { input: { ticketId: ticket.id, status: 'SOLVED' } }, agent));

    const refusal = onlyError(await system.graphql(APPLY, { input: { ticketId: ticket.id, macroId: macro.id } }, agent));

    expect(refusal).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('sets the status to pending') });
    const [{ count }] = await system.dataSource.query('SELECT count(*)::int AS count FROM ticket_messages WHERE ticket_id = $1', [ticket.id]);
    expect(count).toBe(0);
  });
});
