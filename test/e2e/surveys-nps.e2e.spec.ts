import { randomUUID } from 'node:crypto';
import { NPS_QUESTION } from '../../libs/domain/survey/nps.js';
import { awaitMail } from '../support/dev-outbox.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { CREATE_TICKET, eventsOfType, newTicket, onlyError } from '../support/tickets.js';

// The optional NPS question on the real system: the admin's switch, the question on the page and in submitSurvey, and
// the survey keeping the switch as it was when the survey went out. The rest of the survey is in surveys.e2e.spec.ts.

const UPDATE_SETTINGS = 'mutation($input: UpdateSurveySettingsInput!) { updateSurveySettings(input: $input) { askNps } }';
const SETTINGS = 'query { surveySettings { askNps } }';
const CHANGE_STATUS = 'mutation($input: ChangeTicketStatusInput!) { changeTicketStatus(input: $input) { status } }';
const SUBMIT = 'mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { ticketId score npsScore } }';
const TIMELINE = 'query($id: ID!) { ticket(id: $id) { timeline { type data } } }';

interface SurveyRow {
  asks_nps: boolean;
  score: number | null;
  nps_score: number | null;
  answered_at: Date | null;
}

describe('the NPS question on satisfaction surveys', () => {
  let system: TestSystem;
  let admin: string;
  let supervisor: string;
  let agent: string;

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: supervisor } = await system.signIn(['supervisor']));
    ({ token: agent } = await system.signIn(['agent']));
    // Surveys mailed as soon as a ticket is solved.
    expect((await system.graphql(UPDATE_SETTINGS, { input: { trigger: 'SOLVED', delayMinutes: 0 } }, admin)).errors).toBeUndefined();
  });
  afterAll(() => system.stop());

  const setAskNps = async (askNps: boolean) => {
    const updated = await system.graphql(UPDATE_SETTINGS, { input: { askNps } }, admin);
    expect(updated.data!.updateSurveySettings).toEqual({ askNps });
  };

  /** A ticket solved now; its survey is mailed at once and the token read from that mail. */
  async function surveyedTicket(): Promise<{ ticketId: string; token: string }> {
    const requesterEmail = `customer-${randomUUID()}@example.com`;
    const created = await system.graphql(CREATE_TICKET, { input: newTicket({ requesterEmail }) }, agent);
    const ticketId = created.data!.createTicket.id as string;
    expect((await system.graphql(CHANGE_STATUS, { input: { ticketId, status: 'SOLVED' } }, agent)).errors).toBeUndefined();
    const mail = await awaitMail(system, admin, requesterEmail, (candidate) => candidate.text.includes('/survey?token='));
    return { ticketId, token: decodeURIComponent(/\/survey\?token=([^\s]+)/.exec(mail.text)![1]) };
  }

  const surveyRow = async (ticketId: string): Promise<SurveyRow> =>
    (await system.dataSource.query<SurveyRow[]>('SELECT asks_nps, score, nps_score, answered_at FROM ticket_surveys WHERE ticket_id = $1', [ticketId]))[0];
  const unanswered = { score: null, nps_score: null, answered_at: null };
  const submit = (token: string, score: number, npsScore?: number) => system.graphql(SUBMIT, { input: { token, score, npsScore } });
  const pageForm = async (token: string) => (await fetch(`${system.url}/survey?token=${encodeURIComponent(token)}`)).text();
  const postPage = (fields: Record<string, string>) => fetch(`${system.url}/survey`, { method: 'POST', body: new URLSearchParams(fields) });
  const answeredEvent = async (ticketId: string) => {
    const { data } = await system.graphql(TIMELINE, { id: ticketId }, agent);
    return eventsOfType<{ type: string; data: Record<string, unknown> }>(data!.ticket.timeline, 'survey_answered');
  };

  describe('the setting', () => {
    it('is off by default, turned on by an admin (audited), and refused to others', async () => {
      expect((await system.graphql(SETTINGS, {}, supervisor)).data!.surveySettings).toEqual({ askNps: false });
      expect(onlyError(await system.graphql(UPDATE_SETTINGS, { input: { askNps: true } }, supervisor)).code).toBe('FORBIDDEN');
      expect(onlyError(await system.graphql(UPDATE_SETTINGS, { input: { askNps: 'yes' } }, admin)).code).toBe('BAD_USER_INPUT');

      await setAskNps(true);
      expect((await system.graphql(SETTINGS, {}, supervisor)).data!.surveySettings).toEqual({ askNps: true });
      const [audit] = await system.dataSource.query(
        "SELECT before, after FROM audit_log WHERE action = 'survey_settings.updated' ORDER BY id DESC LIMIT 1",
      );
      expect([audit.before.askNps, audit.after.askNps]).toEqual([false, true]);
    });
  });

  describe('asked', () => {
    beforeAll(() => setAskNps(true));

    it('is answered through submitSurvey, after out-of-range scores are refused with nothing written', async () => {
      const { ticketId, token } = await surveyedTicket();
      expect(await surveyRow(ticketId)).toMatchObject({ asks_nps: true, ...unanswered });

      for (const npsScore of [11, -1]) {
        const refused = onlyError(await submit(token, 4, npsScore));
        expect([refused.code, refused.extensions.reason]).toEqual(['BAD_USER_INPUT', 'SURVEY_NPS_SCORE_OUT_OF_RANGE']);
      }
      expect(await surveyRow(ticketId)).toMatchObject(unanswered);
      expect(await answeredEvent(ticketId)).toEqual([]);

      const answered = await submit(token, 4, 9);
      expect(answered.errors).toBeUndefined();
      expect(answered.data!.submitSurvey).toEqual({ ticketId, score: 4, npsScore: 9 });
      expect(await surveyRow(ticketId)).toMatchObject({ score: 4, nps_score: 9 });
      expect((await answeredEvent(ticketId))[0].data).toMatchObject({ score: 4, npsScore: 9 });
    });

    it('is optional: an answer without it stores null', async () => {
      const { ticketId, token } = await surveyedTicket();
      const answered = await submit(token, 5);
      expect(answered.data!.submitSurvey).toEqual({ ticketId, score: 5, npsScore: null });
      expect(await surveyRow(ticketId)).toMatchObject({ score: 5, nps_score: null });
      expect((await answeredEvent(ticketId))[0].data).toMatchObject({ score: 5, npsScore: null });
    });

    it('is on the page as an optional 0–10 choice under a legend, each choice labelled, and taken from its form', async () => {
      const { ticketId, token } = await surveyedTicket();
      const html = await pageForm(token);
      expect(html).toMatch(new RegExp(`<fieldset>\\s*<legend>${NPS_QUESTION.replace('?', '\\?')} \\(optional\\)</legend>`));
      const choices = [...html.matchAll(/<label[^>]*><input type="radio" name="npsScore" value="(\d+)"> \1<\/label>/g)].map((match) => Number(match[1]));
      expect(choices).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(html).not.toMatch(/name="npsScore"[^>]*required/);

      const refused = await postPage({ token, score: '3', npsScore: '12' });
      expect([refused.status, await refused.text()]).toEqual([400, expect.stringContaining('The NPS score must be a whole number from 0 to 10.')]);
      expect(await surveyRow(ticketId)).toMatchObject(unanswered);

      const answered = await postPage({ token, score: '3', npsScore: '0' });
      expect(answered.status).toBe(200);
      expect(await surveyRow(ticketId)).toMatchObject({ score: 3, nps_score: 0 });
    });

    it('is optional on the page too', async () => {
      const { ticketId, token } = await surveyedTicket();
      expect((await postPage({ token, score: '2' })).status).toBe(200);
      expect(await surveyRow(ticketId)).toMatchObject({ score: 2, nps_score: null });
    });
  });

  describe('not asked', () => {
    beforeAll(() => setAskNps(false));

    it('is not on the page, and a score sent anyway is refused with nothing written', async () => {
      const { ticketId, token } = await surveyedTicket();
      expect(await surveyRow(ticketId)).toMatchObject({ asks_nps: false, ...unanswered });
      const html = await pageForm(token);
      expect(html).not.toContain('npsScore');
      expect(html).not.toContain(NPS_QUESTION);

      const refused = onlyError(await submit(token, 4, 8));
      expect([refused.code, refused.extensions.reason]).toEqual(['BAD_USER_INPUT', 'SURVEY_NPS_NOT_ASKED']);
      const refusedPage = await postPage({ token, score: '4', npsScore: '8' });
      expect([refusedPage.status, await refusedPage.text()]).toEqual([400, expect.stringContaining('does not ask for a recommendation score')]);
      expect(await surveyRow(ticketId)).toMatchObject(unanswered);

      const answered = await submit(token, 4);
      expect(answered.data!.submitSurvey).toEqual({ ticketId, score: 4, npsScore: null });
      expect((await answeredEvent(ticketId))[0].data).not.toHaveProperty('npsScore');
    });
  });

  describe('a change of the setting after a survey went out', () => {
    it('does not change the question that survey asks', async () => {
      await setAskNps(true);
      const asking = await surveyedTicket();
      await setAskNps(false);
      const notAsking = await surveyedTicket();
      await setAskNps(true);

      expect(await pageForm(asking.token)).toContain(NPS_QUESTION);
      expect(await pageForm(notAsking.token)).not.toContain(NPS_QUESTION);
      expect((await submit(notAsking.token, 5, 10)).errors?.[0].extensions?.reason).toBe('SURVEY_NPS_NOT_ASKED');
      await setAskNps(false);
      expect((await submit(asking.token, 5, 10)).data!.submitSurvey.npsScore).toBe(10);
    });
  });
});
