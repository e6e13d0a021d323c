import { randomUUID } from 'node:crypto';
import { awaitMail } from '../support/dev-outbox.js';
import {
  CHANGE_STATUS,
  CREATE_ESCALATION,
  CREATE_SLA,
  CREATE_SLA_TICKET,
  CUSTOMER_REPLY,
  dataOf,
  localDate,
  ms,
  readSlaTicket,
  REPLY,
  waitForTicket,
  type SlaTicket,
} from '../support/sla.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { onlyError } from '../support/tickets.js';

// Reports over tickets driven through GraphQL on the real stack: each figure is checked against what the tickets'
// own records say (their creation and message times, their timelines), counted by hand below.

const REPORT = `query($filter: ReportFilterInput!, $metrics: [ReportMetric!]!, $groupBy: ReportGrouping) {
  helpdeskReport(filter: $filter, metrics: $metrics, groupBy: $groupBy) {
    from to timeZone groupBy
    totals { metric unit value sampleSize mean median p90 }
    groups { key figures { metric value sampleSize } }
  } }`;
const BACKLOG = `query($filter: ReportTicketFilterInput, $groupBy: ReportGrouping) {
  ticketBacklog(filter: $filter, groupBy: $groupBy) { open ageBuckets { label count } groups { key count } } }`;
const MESSAGES = `query($id: ID!) { ticket(id: $id) { messages { authorType isPublic createdAt } } }`;
const SUBMIT = 'mutation($input: SubmitSurveyInput!) { submitSurvey(input: $input) { score } }';
const TIME_ZONE = 'America/New_York';
const MINUTE = 60_000;

interface Figure {
  metric: string;
  unit: string;
  value: number | null;
  sampleSize: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}
interface Report {
  totals: Figure[];
  groups: Array<{ key: string; figures: Array<Pick<Figure, 'metric' | 'value' | 'sampleSize'>> }>;
}

/** PostgreSQL's percentile_cont over two values. */
const percentileOfTwo = (low: number, high: number, fraction: number) => low + (high - low) * fraction;

describe('help desk reports', () => {
  let system: TestSystem;
  let admin: string;
  let supervisor: string;
  let agent: { token: string; userId: string };
  let otherAgent: { token: string; userId: string };
  const today = () => localDate(Date.now(), TIME_ZONE);
  let tickets: { first: SlaTicket; second: SlaTicket; third: SlaTicket };
  const alice = `alice-${randomUUID()}@example.com`;
  const bob = `bob-${randomUUID()}@example.com`;

  const call = async <T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> =>
    dataOf(await system.graphql<T>(query, variables, token));
  const report = async (filter: Record<string, unknown>, metrics: string[], groupBy = 'NONE', token = supervisor): Promise<Report> =>
    (await call<{ helpdeskReport: Report }>(REPORT, { filter: { from: today(), to: today(), timeZone: TIME_ZONE, ...filter }, metrics, groupBy }, token))
      .helpdeskReport;
  const total = (result: Report, metric: string) => result.totals.find((figure) => figure.metric === metric)!;
  const messagesOf = async (id: string) =>
    (await call<{ ticket: { messages: Array<{ authorType: string; isPublic: boolean; createdAt: string }> } }>(MESSAGES, { id }, supervisor)).ticket.messages;

  async function createTicket(input: Record<string, unknown>): Promise<SlaTicket> {
    return (await call<{ createTicket: SlaTicket }>(CREATE_SLA_TICKET, { input: { description: 'Details inside.', ...input } }, agent.token)).createTicket;
  }
  const reply = (ticketId: string) => call(REPLY, { input: { ticketId, body: `Answer ${randomUUID()}` } }, agent.token);
  const customerReply = (ticketId: string) => call(CUSTOMER_REPLY, { input: { ticketId, body: 'More from me.' } }, agent.token);
  const setStatus = (ticketId: string, status: string) => call(CHANGE_STATUS, { input: { ticketId, status } }, agent.token);
  async function answerSurvey(requester: string, ticketNumber: string, score: number, npsScore: number): Promise<void> {
    const mail = await awaitMail(system, admin, requester, (candidate) => candidate.text.includes('/survey?token=') && candidate.subject.includes(ticketNumber));
    const token = decodeURIComponent(/\/survey\?token=([^\s]+)/.exec(mail.text)![1]);
    await call(SUBMIT, { input: { token, score, npsScore } }, agent.token);
  }

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: supervisor } = await system.signIn(['supervisor']));
    agent = await system.signIn(['agent']);
    otherAgent = await system.signIn(['agent']);
    const desk = (await call(`mutation { createGroup(input: { name: "Desk" }) { id } }`, {}, admin)).createGroup.id as string;
    const other = (await call(`mutation { createGroup(input: { name: "Other" }) { id } }`, {}, admin)).createGroup.id as string;
    await call('mutation($input: UpsertAgentInput!) { upsertAgent(input: $input) { userId } }', { input: { userId: agent.userId, groupIds: [desk] } }, admin);
    await call('mutation { setMyAvailability(availability: ONLINE) { availability } }', {}, agent.token);
    await call('mutation($input: UpdateSurveySettingsInput!) { updateSurveySettings(input: $input) { askNps } }', {
      input: { trigger: 'SOLVED', delayMinutes: 0, askNps: true },
    }, admin);
    const escalation = (
      await call(CREATE_ESCALATION, {
        input: { name: 'Tell the desk', steps: [{ trigger: { on: 'WARNING', metric: 'FIRST_REPLY' }, action: { type: 'NOTIFY', recipients: 'SUPERVISORS' } }] },
      }, admin)
    ).createEscalationPolicy.id;
    // The desk promises a first reply within a minute and warns at 1 % of it (0.6 s): every desk ticket warns, then is met.
    await call(CREATE_SLA, {
      input: {
        name: 'Desk',
        conditions: { groupIds: [desk] },
        targets: [{ priority: 'HIGH', metric: 'FIRST_REPLY', minutes: 1, businessHours: false }],
        warningThresholds: [1],
        escalationPolicyId: escalation,
      },
    }, admin);

    // 1: answered once after the warning (and its escalation), solved: first contact resolution; a happy survey.
    const first = await createTicket({ subject: 'Cannot log in', requesterEmail: alice, channel: 'EMAIL', priority: 'HIGH', groupId: desk, tags: ['vip'] });
    await waitForTicket(system, first.id, supervisor, 'the warning and its escalation', (t) => t.timeline.some((e) => e.type === 'escalation_notified'));
    await reply(first.id);
    await setStatus(first.id, 'SOLVED');
    await answerSurvey(alice, first.number, 5, 10);

    // 2: pending, answered, solved, reopened by the customer, solved again: two next-reply waits; an unhappy survey.
    const second = await createTicket({ subject: 'Invoice is wrong', requesterEmail: bob, channel: 'CHAT', priority: 'NORMAL', groupId: other });
    await reply(second.id);
    await setStatus(second.id, 'PENDING');
    await customerReply(second.id);
    await reply(second.id);
    await setStatus(second.id, 'SOLVED');
    await answerSurvey(bob, second.number, 2, 3);
    await customerReply(second.id);
    await reply(second.id);
    await setStatus(second.id, 'SOLVED');

    // 3: the first ticket's requester writes again: a repeat contact; nobody has answered yet.
    const third = await createTicket({ subject: 'Still cannot log in', requesterEmail: alice, channel: 'EMAIL', priority: 'NORMAL', groupId: other });
    tickets = { first: await readSlaTicket(system, first.id, supervisor), second: await readSlaTicket(system, second.id, supervisor), third };
  });
  afterAll(() => system?.stop());

  it('counts volume, quality, SLA and survey figures exactly', async () => {
    const result = await report({}, [
      'TICKETS_CREATED',
      'TICKETS_SOLVED',
      'TICKETS_REOPENED',
      'FIRST_CONTACT_RESOLUTION',
      'ONE_TOUCH_RATE',
      'REOPEN_RATE',
      'REPEAT_CONTACT_RATE',
      'ESCALATIONS',
      'ESCALATION_RATE',
      'SLA_FIRST_REPLY_COMPLIANCE',
      'SLA_BREACHES',
      'SLA_WARNINGS_MET',
      'CSAT',
      'NPS',
    ]);
    const figures = Object.fromEntries(result.totals.map((figure) => [figure.metric, [figure.value, figure.sampleSize]]));
    expect(figures).toEqual({
      TICKETS_CREATED: [3, 3],
      TICKETS_SOLVED: [2, 2],
      TICKETS_REOPENED: [1, 1],
      FIRST_CONTACT_RESOLUTION: [1 / 2, 2],
      ONE_TOUCH_RATE: [1 / 2, 2],
      REOPEN_RATE: [1 / 2, 2],
      REPEAT_CONTACT_RATE: [1 / 3, 3],
      ESCALATIONS: [1, 3],
      ESCALATION_RATE: [1 / 3, 3],
      SLA_FIRST_REPLY_COMPLIANCE: [1, 1],
      SLA_BREACHES: [0, 3],
      SLA_WARNINGS_MET: [1, 3],
      CSAT: [1 / 2, 2],
      NPS: [0, 2],
    });
    expect(total(result, 'CSAT').unit).toBe('RATIO');
  });

  it('measures first reply, next reply, resolution and waiting times from the recorded instants', async () => {
    const firstReplyOf = async (ticket: SlaTicket) => {
      const replies = (await messagesOf(ticket.id)).filter((message) => message.authorType === 'agent' && message.isPublic);
      return (ms(replies[0].createdAt) - ms(ticket.createdAt)) / MINUTE;
    };
    const [a, b] = [await firstReplyOf(tickets.first), await firstReplyOf(tickets.second)].sort((x, y) => x - y);
    // The second ticket's waits: each customer message to the agent reply after it.
    const messages = await messagesOf(tickets.second.id);
    const waits = messages.flatMap((message, index) =>
      message.authorType === 'customer' ? [(ms(messages[index + 1].createdAt) - ms(message.createdAt)) / MINUTE] : [],
    );
    const statusAt = (ticket: SlaTicket, to: string) =>
      ticket.timeline.filter((e) => e.type === 'status_changed' && e.data.to === to).map((e) => ms(e.occurredAt));
    const resolutions = [tickets.first, tickets.second].map((ticket) => (statusAt(ticket, 'solved').at(-1)! - ms(ticket.createdAt)) / MINUTE);
    const pending = (statusAt(tickets.second, 'open').find((at) => at > statusAt(tickets.second, 'pending')[0])! - statusAt(tickets.second, 'pending')[0]) / MINUTE;

    const result = await report({}, ['FIRST_REPLY_TIME', 'FIRST_REPLY_BUSINESS_TIME', 'NEXT_REPLY_TIME', 'RESOLUTION_TIME', 'WAITING_ON_CUSTOMER_TIME']);
    const close = (figure: Figure, expected: Partial<Figure>) =>
      Object.entries(expected).forEach(([key, value]) => expect(figure[key as keyof Figure]).toBeCloseTo(value as number, 6));
    close(total(result, 'FIRST_REPLY_TIME'), { sampleSize: 2, median: (a + b) / 2, value: (a + b) / 2, mean: (a + b) / 2, p90: percentileOfTwo(a, b, 0.9) });
    // No calendar on these policies: business time is calendar time.
    close(total(result, 'FIRST_REPLY_BUSINESS_TIME'), { sampleSize: 2, median: (a + b) / 2 });
    expect(waits).toHaveLength(2);
    close(total(result, 'NEXT_REPLY_TIME'), { sampleSize: 2, mean: (waits[0] + waits[1]) / 2 });
    close(total(result, 'RESOLUTION_TIME'), { sampleSize: 2, mean: (resolutions[0] + resolutions[1]) / 2 });
    // Every ticket has a waiting time (zero for two of them): the median of [0, 0, pending].
    close(total(result, 'WAITING_ON_CUSTOMER_TIME'), { sampleSize: 3, median: 0, mean: pending / 3 });
    expect(total(result, 'WAITING_ON_CUSTOMER_TIME').unit).toBe('MINUTES');
  });

  it('filters by channel, tag, group and agent, and groups by agent and by day in the viewer’s time zone', async () => {
    const created = async (filter: Record<string, unknown>) => total(await report(filter, ['TICKETS_CREATED']), 'TICKETS_CREATED').value;
    expect(await created({ channels: ['CHAT'] })).toBe(1);
    expect(await created({ tags: ['vip'] })).toBe(1);
    expect(await created({ priorities: ['NORMAL'], channels: ['EMAIL'] })).toBe(1);
    expect(await created({ agentIds: [agent.userId] })).toBe(1);
    expect(await created({ excludeImported: true })).toBe(3);

    const byAgent = await report({}, ['TICKETS_CREATED', 'TICKETS_SOLVED'], 'AGENT');
    expect(byAgent.groups).toEqual([
      { key: '(none)', figures: [{ metric: 'TICKETS_CREATED', value: 2, sampleSize: 2 }, { metric: 'TICKETS_SOLVED', value: 1, sampleSize: 1 }] },
      { key: agent.userId, figures: [{ metric: 'TICKETS_CREATED', value: 1, sampleSize: 1 }, { metric: 'TICKETS_SOLVED', value: 1, sampleSize: 1 }] },
    ]);

    // Yesterday to tomorrow by day: three periods, each ticket in its local day, empty days with a count of 0.
    const yesterday = localDate(Date.now() - 86_400_000, TIME_ZONE);
    const tomorrow = localDate(Date.now() + 86_400_000, TIME_ZONE);
    const byDay = await report({ from: yesterday, to: tomorrow }, ['TICKETS_CREATED', 'FIRST_CONTACT_RESOLUTION'], 'DAY');
    expect(byDay.groups.map((group) => group.key)).toEqual([yesterday, today(), tomorrow]);
    const expected = new Map<string, number>();
    for (const ticket of Object.values(tickets)) expected.set(localDate(ms(ticket.createdAt), TIME_ZONE), (expected.get(localDate(ms(ticket.createdAt), TIME_ZONE)) ?? 0) + 1);
    for (const group of byDay.groups) {
      expect(group.figures[0]).toEqual({ metric: 'TICKETS_CREATED', value: expected.get(group.key) ?? 0, sampleSize: expected.get(group.key) ?? 0 });
    }
    expect(byDay.groups.find((group) => group.key === tomorrow)!.figures[1]).toEqual({ metric: 'FIRST_CONTACT_RESOLUTION', value: null, sampleSize: 0 });
  });

  it('shows an agent their own tickets only, and refuses them anyone else’s', async () => {
    const own = await report({}, ['TICKETS_CREATED'], 'NONE', agent.token);
    expect(total(own, 'TICKETS_CREATED').value).toBe(1);
    const theirs = await report({}, ['TICKETS_CREATED'], 'NONE', otherAgent.token);
    expect(total(theirs, 'TICKETS_CREATED').value).toBe(0);
    const refused = onlyError(
      await system.graphql(REPORT, { filter: { from: today(), to: today(), agentIds: [agent.userId] }, metrics: ['TICKETS_CREATED'] }, otherAgent.token),
    );
    expect(refused.code).toBe('FORBIDDEN');
    const operator = (await system.signIn(['migration_operator'])).token;
    expect(onlyError(await system.graphql(REPORT, { filter: { from: today(), to: today() }, metrics: ['TICKETS_CREATED'] }, operator)).code).toBe('FORBIDDEN');
    expect(onlyError(await system.graphql(REPORT, { filter: { from: today(), to: today() }, metrics: ['TICKETS_CREATED'] })).code).toBe('UNAUTHENTICATED');
  });

  it('refuses an inverted range, an unknown metric, a range too long for its grouping and an unknown time zone', async () => {
    const refusal = async (filter: Record<string, unknown>, metrics: string[], groupBy = 'NONE') => {
      const error = onlyError(await system.graphql(REPORT, { filter: { from: '2026-11-01', to: '2026-11-30', ...filter }, metrics, groupBy }, supervisor));
      return { code: error.code, message: error.message };
    };
    expect(await refusal({ from: '2026-12-01' }, ['TICKETS_CREATED'])).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'The range ends (2026-11-30) before it starts (2026-12-01).',
    });
    expect((await refusal({}, ['TICKETS_CREATED', 'HAPPINESS'])).code).toBe('BAD_USER_INPUT');
    expect(await refusal({ from: '2024-01-01' }, ['TICKETS_CREATED'], 'DAY')).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'A report grouped by day covers at most 366 days; this range has 1065.',
    });
    expect((await refusal({ timeZone: 'Mars/Olympus' }, ['TICKETS_CREATED'])).code).toBe('BAD_USER_INPUT');
    expect((await refusal({}, [])).code).toBe('BAD_USER_INPUT');
  });

  it('exports the same report as CSV, and refuses a request without a token', async () => {
    const query = new URLSearchParams({ from: today(), to: today(), timeZone: TIME_ZONE, metrics: 'TICKETS_CREATED,CSAT', groupBy: 'channel' });
    const response = await fetch(`${system.url}/reports/helpdesk.csv?${query}`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe('group,metric,unit,value,sampleSize,mean,median,p90');
    expect(lines.slice(1)).toEqual([
      'chat,TICKETS_CREATED,tickets,1,1,,,',
      'chat,CSAT,ratio,0,1,,,',
      'email,TICKETS_CREATED,tickets,2,2,,,',
      'email,CSAT,ratio,1,1,,,',
      '(total),TICKETS_CREATED,tickets,3,3,,,',
      '(total),CSAT,ratio,0.5,2,,,',
    ]);

    expect((await fetch(`${system.url}/reports/helpdesk.csv?${query}`)).status).toBe(401);
    const bad = await fetch(`${system.url}/reports/helpdesk.csv?${new URLSearchParams({ from: today(), to: today(), metrics: 'NOPE' })}`, {
      headers: { authorization: `Bearer ${supervisor}` },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Unknown metric "NOPE".' });
  });

  it('takes the backlog now: the one unsolved ticket, by age and by group', async () => {
    const backlog = (await call(BACKLOG, { groupBy: 'CHANNEL' }, supervisor)).ticketBacklog;
    expect(backlog.open).toBe(1);
    expect(backlog.ageBuckets[0]).toEqual({ label: 'under 1 day', count: 1 });
    expect(backlog.ageBuckets.slice(1).every((bucket: { count: number }) => bucket.count === 0)).toBe(true);
    expect(backlog.groups).toEqual([{ key: 'email', count: 1 }]);
    expect(onlyError(await system.graphql(BACKLOG, { groupBy: 'DAY' }, supervisor)).code).toBe('BAD_USER_INPUT');
  });

  it("measures agents' time online from their recorded availability changes", async () => {
    await call('mutation { setMyAvailability(availability: OFFLINE) { availability } }', {}, agent.token);
    const changes = await system.dataSource.query<Array<{ at: Date; availability: string }>>(
      `SELECT at, after->>'availability' AS availability FROM audit_log WHERE action = 'agent.availability_changed' AND entity_id = $1 ORDER BY at`,
      [agent.userId],
    );
    expect(changes.map((change) => change.availability)).toEqual(['online', 'offline']);
    const online = (changes[1].at.getTime() - changes[0].at.getTime()) / MINUTE;
    // PostgreSQL keeps microseconds, a JavaScript Date milliseconds: equal within 3 ms (4 decimals of a minute).
    const within = (minutes: number) => expect.closeTo(minutes, 4);

    const result = await report({}, ['AGENT_TIME_ONLINE'], 'AGENT');
    expect(result.groups).toEqual([{ key: agent.userId, figures: [{ metric: 'AGENT_TIME_ONLINE', value: within(online), sampleSize: 1 }] }]);
    expect(total(result, 'AGENT_TIME_ONLINE')).toMatchObject({ value: within(online), sampleSize: 1, mean: within(online) });
    // An agent reads their own time only.
    expect(total(await report({}, ['AGENT_TIME_ONLINE'], 'NONE', otherAgent.token), 'AGENT_TIME_ONLINE')).toMatchObject({ value: 0, sampleSize: 0 });
  });
});
