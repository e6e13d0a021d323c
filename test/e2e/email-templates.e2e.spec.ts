import { awaitMail } from '../support/dev-outbox.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket, onlyError } from '../support/tickets.js';

const TEMPLATES = `{ emailTemplates { key subject body variables customized } }`;
const UPDATE = `mutation($input: UpdateEmailTemplateInput!) { updateEmailTemplate(input: $input) { key subject body customized } }`;
const RESET = `mutation($key: EmailTemplateKey!) { resetEmailTemplate(key: $key) { key subject customized } }`;

describe('email templates (admin)', () => {
  let system: TestSystem;
  let admin: string;
  let agent: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: agent } = await system.signIn(['agent']));
  });
  afterAll(() => system.stop());

  const acknowledgment = async () =>
    (await system.graphql(TEMPLATES, {}, admin)).data!.emailTemplates.find((template: { key: string }) => template.key === 'ACKNOWLEDGMENT');

  it('lists the five customer mails with the shipped wording and the variables each may use', async () => {
    const { data, errors } = await system.graphql(TEMPLATES, {}, admin);
    expect(errors).toBeUndefined();
    expect(data!.emailTemplates.map((template: { key: string }) => template.key)).toEqual(['ACKNOWLEDGMENT', 'AGENT_REPLY', 'SOLVED', 'SURVEY', 'SURVEY_REMINDER', 'MERGED', 'ROLLOUT_TASK_OVERDUE', 'ROLLOUT_GATE_WAITING']);
    const survey = data!.emailTemplates.find((template: { key: string }) => template.key === 'SURVEY');
    expect(survey).toMatchObject({ customized: false, variables: expect.arrayContaining(['survey.url', 'ticket.number', 'customer.name']) });
    expect(survey.body).toContain('{{survey.url}}');
  });

  it('refuses a variable the template does not get (BAD_USER_INPUT), changing nothing', async () => {
    const response = await system.graphql(UPDATE, { input: { key: 'ACKNOWLEDGMENT', subject: 'Hi', body: 'Rate us: {{survey.url}}' } }, admin);

    expect(onlyError(response)).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('{{survey.url}}') });
    expect(await acknowledgment()).toMatchObject({ customized: false });
    expect(await system.dataSource.query(`SELECT 1 FROM audit_log WHERE entity_type = 'email_template'`)).toEqual([]);
  });

  it('sends the admin’s wording from then on, audited, and goes back to the default on reset', async () => {
    const update = { key: 'ACKNOWLEDGMENT', subject: 'Got it, {{customer.name}}', body: 'Ticket {{ticket.number}} is ours now.' };
    expect((await system.graphql(UPDATE, { input: update }, admin)).data!.updateEmailTemplate).toMatchObject({ customized: true, subject: update.subject });

    const { data } = await system.graphql(CREATE_TICKET, { input: newTicket({ requesterEmail: 'worded@example.com' }) }, agent);
    const ticket = data!.createTicket;
    const mail = await awaitMail(system, admin, 'worded@example.com', () => true);
    expect(mail.subject).toBe(`Got it, worded@example.com [#${ticket.number}]`);
    expect(mail.text).toBe(`Ticket ${ticket.number} is ours now.`);
    const [entry] = await system.dataSource.query(`SELECT actor_user_id, action, before, after FROM audit_log WHERE entity_type = 'email_template'`);
    expect(entry).toMatchObject({ action: 'email_template.updated', before: { customized: false }, after: { customized: true, subject: update.subject } });

    const reset = await system.graphql(RESET, { key: 'ACKNOWLEDGMENT' }, admin);
    expect(reset.data!.resetEmailTemplate).toMatchObject({ customized: false, subject: 'We received your request: {{ticket.subject}}' });
  });

  it('is for admins only', async () => {
    expect(onlyError(await system.graphql(TEMPLATES, {}, agent)).code).toBe('FORBIDDEN');
    expect(onlyError(await system.graphql(RESET, { key: 'SOLVED' }, agent)).code).toBe('FORBIDDEN');
  });
});
