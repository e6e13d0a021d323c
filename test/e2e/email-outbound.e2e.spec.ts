import { createEmailActivities } from '../../activities/email/email.activities.js';
import { requestLinkConfig } from '../../activities/email/request-links.js';
import { surveyLinkConfig } from '../../activities/surveys/survey-links.js';
import { outboundMailSettings } from '../../libs/config/app-config.js';
import { awaitMail, outboxFor } from '../support/dev-outbox.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, newTicket, onlyError } from '../support/tickets.js';

describe('sending templated email through real SMTP into the dev outbox', () => {
  let system: TestSystem;
  let admin: string;
  let agent: string;
  let activities: ReturnType<typeof createEmailActivities>;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: agent } = await system.signIn(['agent']));
    activities = createEmailActivities({
      dataSource: system.dataSource,
      mail: outboundMailSettings(system.config),
      requestLinks: requestLinkConfig(surveyLinkConfig(system.config)),
      surveyLinks: surveyLinkConfig(system.config),
    });
  });
  afterAll(() => system.stop());

  async function createTicket(overrides: Record<string, unknown>): Promise<{ id: string; number: string }> {
    const { data, errors } = await system.graphql(CREATE_TICKET, { input: newTicket(overrides) }, agent);
    expect(errors).toBeUndefined();
    return data!.createTicket;
  }

  it('sends a survey mail once per idempotency key, carrying the survey link and the ticket reference', async () => {
    const ticket = await createTicket({ requesterEmail: 'once@example.com' });
    const input = {
      idempotencyKey: `survey:${ticket.id}`,
      template: 'survey' as const,
      ticketId: ticket.id,
      variables: { 'survey.url': 'https://help.example.com/s/abc', 'survey.expiresAt': '2026-12-01T00:00:00Z' },
    };

    const first = await activities.sendTemplatedEmail(input);
    const retry = await activities.sendTemplatedEmail(input);

    expect(first.alreadySent).toBe(false);
    expect(retry).toEqual({ messageId: first.messageId, alreadySent: true });
    const surveys = (await outboxFor(system, admin, 'once@example.com')).filter((mail) => mail.messageId === first.messageId);
    expect(surveys).toHaveLength(1);
    expect(surveys[0]).toMatchObject({ from: 'support@example.com', to: ['once@example.com'], subject: `How did we do? Cannot sign in [#${ticket.number}]` });
    expect(surveys[0].text).toContain('https://help.example.com/s/abc');
    expect(surveys[0].headers['auto-submitted']).toBe('auto-generated');
  });

  it('escapes what the customer wrote in the HTML part and never reads it as template text', async () => {
    const ticket = await createTicket({ requesterEmail: 'markup@example.com', subject: '<img src=x onerror=alert(1)> {{agent.name}}' });

    const sent = await activities.sendTemplatedEmail({ idempotencyKey: `solved:${ticket.id}`, template: 'solved', ticketId: ticket.id });

    const [mail] = (await outboxFor(system, admin, 'markup@example.com')).filter((candidate) => candidate.messageId === sent.messageId);
    expect(mail.text).toContain('"<img src=x onerror=alert(1)> {{agent.name}}"');
    expect(mail.html).toContain('&quot;&lt;img src=x onerror=alert(1)&gt; {{agent.name}}&quot;');
    expect(mail.html).not.toContain('<img');
  });

  it('the ticket workflow acknowledges a new ticket and tells the customer when it is solved', async () => {
    const ticket = await createTicket({ requesterEmail: 'lifecycle@example.com', subject: 'Printer offline' });
    const acknowledgment = await awaitMail(system, admin, 'lifecycle@example.com', (mail) => mail.subject.startsWith('We received'));

    const solve = await system.graphql(
      'mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }',
      { input: { ticketId: ticket.id, status: 'SOLVED' } },
      agent,
    );
    expect(solve.errors).toBeUndefined();

    const solved = await awaitMail(system, admin, 'lifecycle@example.com', (mail) => mail.subject.startsWith('Solved:'));
    expect(acknowledgment.subject).toBe(`We received your request: Printer offline [#${ticket.number}]`);
    expect(acknowledgment.text).toMatch(/Follow it and answer us on this page: http:\/\/\S+\/portal\/requests\/\S+/);
    expect(solved.subject).toBe(`Solved: Printer offline [#${ticket.number}]`);
    expect(solved.text).toContain('just reply to this mail and we will reopen it');
    const sent = await system.dataSource.query('SELECT template FROM sent_emails WHERE ticket_id = $1 ORDER BY created_at', [ticket.id]);
    expect(sent).toEqual([{ template: 'acknowledgment' }, { template: 'solved' }]);
  });

  it('lets only admins read the dev outbox', async () => {
    const response = await system.graphql('{ devOutbox { subject } }', {}, agent);
    expect(onlyError(response).code).toBe('FORBIDDEN');
  });
});
