import { randomUUID } from 'node:crypto';
import { surveyLinkConfig } from '../../activities/surveys/survey-links.js';
import { waitFor } from '../../libs/devstack/wait-for.js';
import { signSurveyToken, surveyTokenHash } from '../../libs/domain/survey/survey-token.js';
import { surveyWorkflowId } from '../../workflows/survey/survey.contract.js';
import { awaitMail } from '../support/dev-outbox.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, eventsOfType, newTicket, onlyError } from '../support/tickets.js';
import { workflowHistoryText } from '../support/workflow-history-text.js';

// Satisfaction surveys on the real system: settings, the survey a solved ticket starts, the customer's single answer
// through the link (no login), and CSAT. The survey's timing is tested on the time-skipping server (workflows/survey).

const UPDATE_SETTINGS = `mutation($input: UpdateSurveySettingsInput!) {
  updateSurveySettings(input: $input) { enabled trigger delayMinutes reminderAfterDays expiresAfterDays } }`;
const SETTINGS = 'query { surveySettings { enabled trigger delayMinutes reminderAfterDays expiresAfterDays } }';
const CHANGE_STATUS = 'mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }';
const SUBMIT = 'mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { ticketId score answeredAt } }';
const CSAT = `query($from: DateTime!, $to: DateTime!, $groupBy: CsatGrouping!) {
  csat(from: $from, to: $to, groupBy: $groupBy) { overall { answered satisfied csat } rows { key label answered satisfied csat } } }`;
const DAY = 86_400_000;

interface SurveyRow {
  id: string;
  expires_at: Date;
  token_hash: string | null;
  score: number | null;
  comment: string | null;
  answered_at: Date | null;
}

describe('satisfaction surveys', () => {
  let system: TestSystem;
  let admin: string;
  let supervisor: string;
  let agent: string;
  let tokenSecret: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: supervisor } = await system.signIn(['supervisor']));
    ({ token: agent } = await system.signIn(['agent']));
    tokenSecret = surveyLinkConfig(system.config).tokenSecret;
  });
  afterAll(() => system.stop());

  /** A ticket solved now, whose survey (trigger solved, no delay) is mailed at once; the token is read from that mail. */
  async function solvedTicketWithSurvey(): Promise<{ ticketId: string; survey: SurveyRow; token: string }> {
    const requesterEmail = `customer-${randomUUID()}@example.com`;
    const created = await system.graphql(CREATE_TICKET, { input: newTicket({ requesterEmail }) }, agent);
    expect(created.errors).toBeUndefined();
    const ticketId = created.data!.createTicket.id as string;
    expect((await system.graphql(CHANGE_STATUS, { input: { ticketId, status: 'SOLVED' } }, agent)).errors).toBeUndefined();
    const mail = await awaitMail(system, admin, requesterEmail, (candidate) => candidate.text.includes('/survey?token='));
    const token = decodeURIComponent(/\/survey\?token=([^\s]+)/.exec(mail.text)![1]);
    return { ticketId, survey: await surveyRow(ticketId), token };
  }

  const surveyRow = async (ticketId: string): Promise<SurveyRow> =>
    (await system.dataSource.query<SurveyRow[]>('SELECT * FROM ticket_surveys WHERE ticket_id = $1', [ticketId]))[0];
  const submit = (token: string, score: number, comment?: string) => system.graphql(SUBMIT, { input: { token, score, comment } });

  describe('settings', () => {
    it('are edited by an admin, checked as a whole, and refused to others', async () => {
      const refused = onlyError(await system.graphql(UPDATE_SETTINGS, { input: { reminderAfterDays: 7, expiresAfterDays: 7 } }, admin));
      expect(refused.code).toBe('BAD_USER_INPUT');
      expect(refused.message).toContain('must be less than expiresAfterDays');
      expect(onlyError(await system.graphql(UPDATE_SETTINGS, { input: { delayMinutes: -5 } }, admin)).code).toBe('BAD_USER_INPUT');
      expect(onlyError(await system.graphql(UPDATE_SETTINGS, { input: { enabled: false } }, supervisor)).code).toBe('FORBIDDEN');
      expect((await system.graphql(SETTINGS, {}, supervisor)).data!.surveySettings).toEqual({
        enabled: true, trigger: 'CLOSED', delayMinutes: 60, reminderAfterDays: 3, expiresAfterDays: 7,
      });

      const updated = await system.graphql(UPDATE_SETTINGS, { input: { trigger: 'SOLVED', delayMinutes: 0, expiresAfterDays: 10 } }, admin);
      expect(updated.data!.updateSurveySettings).toEqual({ enabled: true, trigger: 'SOLVED', delayMinutes: 0, reminderAfterDays: 3, expiresAfterDays: 10 });
      const [audit] = await system.dataSource.query("SELECT before, after FROM audit_log WHERE action = 'survey_settings.updated'");
      expect([audit.before.delayMinutes, audit.after.delayMinutes]).toEqual([60, 0]);
    });
  });

  describe('answering through the link', () => {
    let ticketId: string;
    let survey: SurveyRow;
    let token: string;

    beforeAll(async () => {
      ({ ticketId, survey, token } = await solvedTicketWithSurvey());
    });

    it('mails a link that expires as configured, keeping only the hash of its token, and notes the sending on the timeline', async () => {
      expect(survey.expires_at.getTime() - Date.now()).toBeGreaterThan(10 * DAY - 60_000);
      expect(survey.expires_at.getTime() - Date.now()).toBeLessThanOrEqual(10 * DAY);
      expect(token.startsWith(`${survey.id}.${survey.expires_at.getTime() / 1000}.`)).toBe(true);
      expect(survey.token_hash).toBe(surveyTokenHash(token));
      const sent = await waitFor('survey_sent on the timeline', async () => {
        const { data } = await system.graphql('query($id: ID!) { ticket(id: $id) { timeline { type } } }', { id: ticketId }, agent);
        const events = eventsOfType(data!.ticket.timeline, 'survey_sent');
        if (events.length === 0) throw new Error('not yet');
        return events;
      }, 20_000);
      expect(sent).toHaveLength(1);
    });

    it('keeps the link out of the survey workflow history: the mail activity signs it from the survey id', async () => {
      const history = await workflowHistoryText(system.temporal, surveyWorkflowId(ticketId));
      expect(history).toContain(survey.id); // the search reads the decoded payloads
      expect(history).not.toContain(token.split('.')[2]);
      expect(history).not.toContain('/survey?token=');
    });

    it('refuses a forged token, an expired one and a score outside 1..5, recording nothing', async () => {
      const forged = onlyError(await submit(signSurveyToken('not-the-secret', { surveyId: survey.id, expiresAt: survey.expires_at.getTime() }), 5));
      expect([forged.code, forged.extensions.reason]).toEqual(['FORBIDDEN', 'SURVEY_TOKEN_INVALID']);
      const tampered = onlyError(await submit(token.replace(/\.\d+\./, `.${Math.floor(survey.expires_at.getTime() / 1000) + 86_400}.`), 5));
      expect([tampered.code, tampered.extensions.reason]).toEqual(['FORBIDDEN', 'SURVEY_TOKEN_INVALID']);
      const expired = onlyError(await submit(signSurveyToken(tokenSecret, { surveyId: survey.id, expiresAt: Date.now() - 1000 }), 5));
      expect([expired.code, expired.extensions.reason]).toEqual(['CONFLICT', 'SURVEY_EXPIRED']);
      const badScore = onlyError(await submit(token, 6));
      expect([badScore.code, badScore.extensions.reason]).toEqual(['BAD_USER_INPUT', 'SURVEY_SCORE_OUT_OF_RANGE']);

      expect(await surveyRow(ticketId)).toMatchObject({ score: null, answered_at: null });
    });

    it('accepts the first answer without a login, records CSAT on the ticket, and refuses a second', async () => {
      const answered = await submit(token, 4, '  Quick and kind.  ');
      expect(answered.errors).toBeUndefined();
      expect(answered.data!.submitSurvey).toMatchObject({ ticketId, score: 4 });
      expect(await surveyRow(ticketId)).toMatchObject({ score: 4, comment: 'Quick and kind.' });

      const again = onlyError(await submit(token, 1));
      expect([again.code, again.extensions.reason]).toEqual(['CONFLICT', 'SURVEY_ALREADY_ANSWERED']);
      expect((await surveyRow(ticketId)).score).toBe(4);

      const { data } = await system.graphql('query($id: ID!) { ticket(id: $id) { timeline { type actor data } } }', { id: ticketId }, agent);
      expect(eventsOfType(data!.ticket.timeline, 'survey_answered')).toEqual([
        { type: 'survey_answered', actor: 'customer', data: { surveyId: survey.id, score: 4, comment: 'Quick and kind.' } },
      ]);
      // The answer's signal ends the survey before its reminder.
      expect(await system.temporal.workflow.getHandle(surveyWorkflowId(ticketId)).result()).toBe('answered');
    });

    it('accepts exactly one of simultaneous answers', async () => {
      const other = await solvedTicketWithSurvey();
      const results = await Promise.all([5, 1, 3].map((score) => submit(other.token, score)));
      const accepted = results.filter((result) => !result.errors);
      expect(accepted).toHaveLength(1);
      expect((await surveyRow(other.ticketId)).score).toBe(accepted[0].data!.submitSurvey.score);
    });
  });

  describe('the page the link opens', () => {
    it('shows a form for the token and records its answer once, without script or login', async () => {
      const { ticketId, token } = await solvedTicketWithSurvey();
      const form = await fetch(`${system.url}/survey?token=${encodeURIComponent(token)}`);
      expect(form.status).toBe(200);
      expect(form.headers.get('content-type')).toContain('text/html');
      const html = await form.text();
      expect(html).toContain(`name="token" value="${token}"`);
      expect(html).toContain('method="post" action="survey"');

      const post = (score: string) =>
        fetch(`${system.url}/survey`, { method: 'POST', body: new URLSearchParams({ token, score, comment: '<b>fine</b>' }) });
      const refused = await post('9');
      expect(refused.status).toBe(400);
      const answered = await post('5');
      expect([answered.status, await answered.text()]).toEqual([200, expect.stringContaining('Your answer has been recorded.')]);
      expect(await surveyRow(ticketId)).toMatchObject({ score: 5, comment: '<b>fine</b>' });
      const again = await post('1');
      expect([again.status, await again.text()]).toEqual([409, expect.stringContaining('already been answered')]);
    });
  });

  describe('CSAT', () => {
    it('is the share of answers scoring 4 or 5, overall and per period, for supervisors and admins only', async () => {
      const low = await solvedTicketWithSurvey();
      expect((await submit(low.token, 2)).errors).toBeUndefined();
      const [{ answered, satisfied }] = await system.dataSource.query(
        'SELECT count(*)::int AS answered, count(*) FILTER (WHERE score >= 4)::int AS satisfied FROM ticket_surveys WHERE answered_at IS NOT NULL',
      );
      expect(answered).toBe(4); // 4, the page's 5 and 2 here, and whichever concurrent answer won above

      const window = { from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() };
      const byDay = await system.graphql(CSAT, { ...window, groupBy: 'DAY' }, supervisor);
      expect(byDay.errors).toBeUndefined();
      const figure = { answered: 4, satisfied, csat: satisfied / 4 };
      expect(byDay.data!.csat.overall).toEqual(figure);
      const today = new Date().toISOString().slice(0, 10);
      expect(byDay.data!.csat.rows).toEqual([{ key: `${today}T00:00:00Z`, label: `${today}T00:00:00Z`, ...figure }]);

      const byGroup = await system.graphql(CSAT, { ...window, groupBy: 'GROUP' }, admin);
      expect(byGroup.data!.csat.overall).toEqual(figure);
      expect(byGroup.data!.csat.rows.reduce((sum: number, row: { answered: number }) => sum + row.answered, 0)).toBe(4);

      const empty = await system.graphql(CSAT, { from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z', groupBy: 'AGENT' }, admin);
      expect(empty.data!.csat).toEqual({ overall: { answered: 0, satisfied: 0, csat: null }, rows: [] });
      expect(onlyError(await system.graphql(CSAT, { ...window, groupBy: 'AGENT' }, agent)).code).toBe('FORBIDDEN');
      expect(onlyError(await system.graphql(CSAT, { from: window.to, to: window.from, groupBy: 'AGENT' }, admin)).code).toBe('BAD_USER_INPUT');
    });
  });
});
