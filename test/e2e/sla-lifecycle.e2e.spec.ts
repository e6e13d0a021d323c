import { setTimeout as sleep } from 'node:timers/promises';
import { addBusinessTime, type BusinessCalendar } from '../../libs/domain/calendar/index.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { ticketWorkflowRuns } from '../support/tickets.js';
import {
  CHANGE_STATUS,
  CREATE_CALENDAR,
  CREATE_ESCALATION,
  CREATE_SLA,
  CREATE_SLA_TICKET,
  CUSTOMER_REPLY,
  RECLASSIFY,
  REPLY,
  dataOf,
  eventsAfter,
  holidayCalendar,
  iso,
  lastSequence,
  localClock,
  localDate,
  metricOf,
  ms,
  readSlaTicket,
  type SlaTicket,
} from '../support/sla.js';

// The SLA of tickets end to end, on the real API, worker, PostgreSQL and Temporal dev server: which policy applies and
// why, the clocks and deadlines on a business calendar, and what replies, pauses, reclassification, solving,
// reopening, closing and a late customer reply do to them. Nothing here waits on an SLA timer: every assertion holds
// at once (a business clock on a holiday stands still; a 24x7 deadline is exact arithmetic on the timeline's instants).

const MINUTE = 60_000;
const TIME_ZONE = 'Asia/Tokyo';

describe('SLA lifecycle of tickets over GraphQL', () => {
  let system: TestSystem;
  let admin: string;
  let agent: string;
  let agentId: string;
  let calendar: BusinessCalendar;
  let holidayDates: string[];
  let vip: { id: string; name: string };
  let standard: { id: string; name: string };

  const VIP_REASON = 'Policy "VIP urgent" (position 0) matched: priority urgent, tag vip.';
  const STANDARD_REASON = 'Policy "Standard" (position 1) matched: it has no conditions.';

  async function createTicket(overrides: Record<string, unknown>): Promise<SlaTicket> {
    const input = {
      subject: 'Invoice export fails',
      description: 'The CSV export stops at 1000 lines.',
      requesterEmail: 'buyer@example.com',
      channel: 'EMAIL',
      priority: 'NORMAL',
      ...overrides,
    };
    return dataOf(await system.graphql<{ createTicket: SlaTicket }>(CREATE_SLA_TICKET, { input }, agent)).createTicket;
  }

  const read = (id: string) => readSlaTicket(system, id, agent);
  const changeStatus = async (ticketId: string, status: string) => dataOf(await system.graphql(CHANGE_STATUS, { input: { ticketId, status } }, agent));

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    ({ token: agent, userId: agentId } = await system.signIn(['agent']));

    const tokyo = holidayCalendar('Tokyo office', TIME_ZONE);
    ({ calendar, holidayDates } = tokyo);
    const calendarId = dataOf(await system.graphql(CREATE_CALENDAR, { input: tokyo.input }, admin)).createBusinessCalendar.id;
    const escalationPolicyId = dataOf(
      await system.graphql(
        CREATE_ESCALATION,
        { input: { name: 'Tell supervisors', steps: [{ trigger: { on: 'BREACH' }, action: { type: 'NOTIFY', recipients: 'SUPERVISORS' } }] } },
        admin,
      ),
    ).createEscalationPolicy.id;

    vip = dataOf(
      await system.graphql(
        CREATE_SLA,
        {
          input: {
            name: 'VIP urgent',
            conditions: { priorities: ['URGENT'], tags: ['vip'] },
            targets: [
              { priority: 'URGENT', metric: 'FIRST_REPLY', minutes: 30 },
              { priority: 'URGENT', metric: 'RESOLUTION', minutes: 240 },
            ],
            calendarId,
            escalationPolicyId,
          },
        },
        admin,
      ),
    ).createSlaPolicy;
    // The catch-all, tried after the VIP policy; no calendar, so its clocks count around the clock.
    standard = dataOf(
      await system.graphql(
        CREATE_SLA,
        {
          input: {
            name: 'Standard',
            targets: [
              { priority: 'NORMAL', metric: 'FIRST_REPLY', minutes: 240 },
              { priority: 'NORMAL', metric: 'RESOLUTION', minutes: 1440 },
              { priority: 'HIGH', metric: 'FIRST_REPLY', minutes: 60, businessHours: false },
              { priority: 'HIGH', metric: 'RESOLUTION', minutes: 480, businessHours: false },
              { priority: 'URGENT', metric: 'FIRST_REPLY', minutes: 15 },
              { priority: 'URGENT', metric: 'RESOLUTION', minutes: 120 },
            ],
          },
        },
        admin,
      ),
    ).createSlaPolicy;
    expect([vip, standard].map((p: any) => p.position)).toEqual([0, 1]);
  });
  afterAll(() => system.stop());

  describe('choosing the policy', () => {
    it.each([
      ['an urgent ticket tagged vip', { priority: 'URGENT', tags: ['billing', 'vip'] }, 'VIP urgent', () => VIP_REASON],
      ['an urgent ticket without the tag', { priority: 'URGENT', tags: ['billing'] }, 'Standard', () => STANDARD_REASON],
      ['a vip ticket that is not urgent', { priority: 'HIGH', tags: ['vip'] }, 'Standard', () => STANDARD_REASON],
    ])('gives %s the policy whose conditions match, and says why', async (_case, overrides, policyName, reason) => {
      const created = await createTicket(overrides);
      expect(created.slaPolicyName).toBe(policyName);
      const ticket = await read(created.id);
      const policy = policyName === 'VIP urgent' ? vip : standard;
      expect(ticket.sla.policy).toEqual({ id: policy.id, name: policyName, reason: reason() });

      // created, routed (no rules here: the fallback queue), then the policy and the clocks it starts, and the queue
      // (no agents here), all written before createTicket answered.
      expect(ticket.timeline.map(({ type, actor, data }) => ({ type, actor, data }))).toEqual([
        { type: 'created', actor: agentId, data: { channel: 'email', followUpOf: null } },
        { type: 'routed', actor: 'system', data: expect.objectContaining({ ruleId: null, fallback: true }) },
        { type: 'sla_policy_applied', actor: agentId, data: { id: policy.id, name: policyName, reason: reason() } },
        { type: 'sla_started', actor: agentId, data: expect.objectContaining({ metric: 'first_reply' }) },
        { type: 'sla_started', actor: agentId, data: expect.objectContaining({ metric: 'resolution' }) },
        { type: 'queued', actor: 'system', data: expect.objectContaining({ agentId: null }) },
      ]);
      expect(ticket.sla.metrics.map((m) => [m.metric, m.state])).toEqual([
        ['FIRST_REPLY', 'RUNNING'],
        ['RESOLUTION', 'RUNNING'],
      ]);
      expect(ticket.sla).toMatchObject({ escalationLevel: 0, awaitingAcknowledgement: false });
    });

    it('counts a VIP ticket on the business calendar: nothing elapses on a holiday, and the deadlines fall in working hours after it', async () => {
      const created = await createTicket({ priority: 'URGENT', tags: ['vip'], groupId: 'billing', organizationId: 'acme', customerTier: 'gold' });
      const ticket = await read(created.id);
      const createdAt = ms(ticket.createdAt);
      // The test runs on one of the calendar's holidays.
      expect(holidayDates).toContain(localDate(createdAt, TIME_ZONE));

      const firstReply = metricOf(ticket, 'FIRST_REPLY');
      const resolution = metricOf(ticket, 'RESOLUTION');
      const expected = {
        FIRST_REPLY: addBusinessTime(calendar, createdAt, 30 * MINUTE),
        RESOLUTION: addBusinessTime(calendar, createdAt, 240 * MINUTE),
      };
      expect(firstReply).toEqual({
        metric: 'FIRST_REPLY',
        state: 'RUNNING',
        targetMinutes: 30,
        businessHours: true,
        elapsedSeconds: 0,
        remainingSeconds: 30 * 60,
        deadline: iso(expected.FIRST_REPLY),
        breached: false,
        breach: null,
      });
      expect(resolution).toMatchObject({ targetMinutes: 240, businessHours: true, elapsedSeconds: 0, remainingSeconds: 240 * 60 });
      expect(resolution.deadline).toBe(iso(expected.RESOLUTION));

      // Independently of the arithmetic: 09:30 and 13:00 local on the first working day after the holidays.
      for (const [deadline, time] of [
        [expected.FIRST_REPLY, '09:30:00'],
        [expected.RESOLUTION, '13:00:00'],
      ] as const) {
        expect(holidayDates).not.toContain(localDate(deadline, TIME_ZONE));
        expect(localClock(deadline, TIME_ZONE)).toEqual({ weekday: expect.stringMatching(/^(Mon|Tue|Wed|Thu|Fri)$/), time });
        expect(deadline).toBeGreaterThan(createdAt + 24 * 60 * MINUTE);
      }
      // The read model the at-risk list uses holds the earliest deadline.
      expect(ticket.slaDeadline).toBe(iso(expected.FIRST_REPLY));
      const [row] = await system.dataSource.query('SELECT sla_deadline, sla_deadline_metric, sla_policy_id FROM tickets WHERE id = $1', [ticket.id]);
      expect(row).toEqual({ sla_deadline: new Date(expected.FIRST_REPLY), sla_deadline_metric: 'first_reply', sla_policy_id: vip.id });
      expect(eventsAfter(ticket.timeline, 2)).toEqual([
        { type: 'sla_started', data: { metric: 'first_reply', targetMinutes: 30, businessHours: true } },
        { type: 'sla_started', data: { metric: 'resolution', targetMinutes: 240, businessHours: true } },
        // A group with no agents: the ticket waits in its queue.
        { type: 'queued', data: expect.objectContaining({ agentId: null, groupId: 'billing' }) },
      ]);
    });

    it('counts a Standard ticket around the clock: the deadline is the creation instant plus the target', async () => {
      const created = await createTicket({ priority: 'HIGH' });
      const before = Date.now();
      const ticket = await read(created.id);
      const createdAt = ms(ticket.createdAt);
      const firstReply = metricOf(ticket, 'FIRST_REPLY');
      expect(firstReply).toMatchObject({ state: 'RUNNING', targetMinutes: 60, businessHours: false, deadline: iso(createdAt + 60 * MINUTE) });
      expect(metricOf(ticket, 'RESOLUTION').deadline).toBe(iso(createdAt + 480 * MINUTE));
      // Elapsed is the wall time since creation; elapsed + remaining is the target (each rounded down to the second).
      expect(firstReply.elapsedSeconds).toBeGreaterThanOrEqual(Math.trunc((before - createdAt) / 1000));
      expect(firstReply.elapsedSeconds).toBeLessThanOrEqual(Math.ceil((Date.now() - createdAt) / 1000));
      expect(firstReply.elapsedSeconds + firstReply.remainingSeconds).toBeGreaterThanOrEqual(60 * 60 - 1);
      expect(firstReply.elapsedSeconds + firstReply.remainingSeconds).toBeLessThanOrEqual(60 * 60);
    });
  });

  it('drives a ticket through its life: reply, pause, resume, reclassify, solve, reopen, close, and a follow-up', async () => {
    const created = await createTicket({ priority: 'NORMAL', tags: ['vip'], groupId: 'billing' });
    const id = created.id;
    const createdAt = ms(created.createdAt);
    let ticket = await read(id);
    expect(ticket.sla.policy?.name).toBe('Standard');
    expect(metricOf(ticket, 'FIRST_REPLY')).toMatchObject({ state: 'RUNNING', targetMinutes: 240, deadline: iso(createdAt + 240 * MINUTE) });
    expect(metricOf(ticket, 'RESOLUTION')).toMatchObject({ state: 'RUNNING', targetMinutes: 1440, deadline: iso(createdAt + 1440 * MINUTE) });

    // 1. The agent's public reply fulfils first_reply (its clock stops, without a deadline) and opens the ticket.
    let seen = lastSequence(ticket);
    const messageId = dataOf(await system.graphql(REPLY, { input: { ticketId: id, body: 'Looking into it.' } }, agent)).replyToTicket.id;
    ticket = await read(id);
    const stoppedAfter = eventsAfter(ticket.timeline, seen);
    expect(stoppedAfter).toEqual([
      { type: 'agent_replied', data: { messageId, isPublic: true } },
      { type: 'sla_stopped', data: { metric: 'first_reply', elapsedMs: expect.any(Number) } },
      { type: 'status_changed', data: { from: 'new', to: 'open' } },
    ]);
    expect(ticket.status).toBe('OPEN');
    const firstReply = metricOf(ticket, 'FIRST_REPLY');
    expect(firstReply).toMatchObject({ state: 'STOPPED', deadline: null, breached: false });
    expect(firstReply.elapsedSeconds).toBe(Math.trunc(stoppedAfter[1].data.elapsedMs / 1000));
    expect(metricOf(ticket, 'RESOLUTION').state).toBe('RUNNING');
    // The row's next deadline is now the resolution's.
    expect(ticket.slaDeadline).toBe(iso(createdAt + 1440 * MINUTE));

    // 2. Pending pauses resolution: no deadline, and its elapsed time stands still.
    seen = lastSequence(ticket);
    await changeStatus(id, 'PENDING');
    ticket = await read(id);
    expect(eventsAfter(ticket.timeline, seen)).toEqual([
      { type: 'status_changed', data: { from: 'open', to: 'pending' } },
      { type: 'sla_paused', data: { metric: 'resolution' } },
    ]);
    const pausedAt = ms(ticket.timeline.at(-1)!.occurredAt);
    const accruedBeforePause = pausedAt - createdAt;
    const paused = metricOf(ticket, 'RESOLUTION');
    expect(paused).toMatchObject({
      state: 'PAUSED',
      deadline: null,
      targetMinutes: 1440,
      elapsedSeconds: Math.trunc(accruedBeforePause / 1000),
      remainingSeconds: Math.trunc((1440 * MINUTE - accruedBeforePause) / 1000),
    });
    expect(ticket.slaDeadline).toBeNull(); // nothing runs: the ticket is on no at-risk list
    await sleep(1100);
    expect(metricOf(await read(id), 'RESOLUTION')).toEqual(paused);

    // 3. Open resumes it: the deadline moves by exactly the time spent paused.
    seen = lastSequence(ticket);
    await changeStatus(id, 'OPEN');
    ticket = await read(id);
    expect(eventsAfter(ticket.timeline, seen)).toEqual([
      { type: 'status_changed', data: { from: 'pending', to: 'open' } },
      { type: 'sla_resumed', data: { metric: 'resolution' } },
    ]);
    const resumedAt = ms(ticket.timeline.at(-1)!.occurredAt);
    expect(resumedAt - pausedAt).toBeGreaterThanOrEqual(1100);
    expect(metricOf(ticket, 'RESOLUTION')).toMatchObject({
      state: 'RUNNING',
      deadline: iso(resumedAt + 1440 * MINUTE - accruedBeforePause),
    });
    expect(metricOf(ticket, 'RESOLUTION').elapsedSeconds).toBeGreaterThanOrEqual(Math.trunc(accruedBeforePause / 1000));

    // 4. A higher priority re-targets the clocks under the same policy: reclassified, no new policy.
    seen = lastSequence(ticket);
    let reclassified = dataOf(await system.graphql(RECLASSIFY, { input: { ticketId: id, priority: 'HIGH' } }, agent)).reclassifyTicket;
    expect(reclassified).toMatchObject({ priority: 'HIGH', slaPolicyName: 'Standard', slaDeadline: iso(resumedAt + 480 * MINUTE - accruedBeforePause) });
    ticket = await read(id);
    expect(eventsAfter(ticket.timeline, seen)).toEqual([{ type: 'reclassified', data: { priority: { from: 'normal', to: 'high' } } }]);
    expect(metricOf(ticket, 'FIRST_REPLY')).toMatchObject({ state: 'STOPPED', targetMinutes: 60 });
    expect(metricOf(ticket, 'RESOLUTION')).toMatchObject({
      state: 'RUNNING',
      targetMinutes: 480,
      businessHours: false,
      deadline: iso(resumedAt + 480 * MINUTE - accruedBeforePause),
    });

    // 5. Pending again, and while it waits, urgent + the vip tag it already has: the VIP policy now applies, on its
    //    business calendar. (Reclassified while paused, so no running stretch is re-counted: see the failing test below.)
    seen = lastSequence(ticket);
    await changeStatus(id, 'PENDING');
    ticket = await read(id);
    const pausedAgainAt = ms(ticket.timeline.at(-1)!.occurredAt);
    expect(eventsAfter(ticket.timeline, seen).map((e) => e.type)).toEqual(['status_changed', 'sla_paused']);
    const accrued = accruedBeforePause + (pausedAgainAt - resumedAt);
    seen = lastSequence(ticket);
    reclassified = dataOf(await system.graphql(RECLASSIFY, { input: { ticketId: id, priority: 'URGENT' } }, agent)).reclassifyTicket;
    expect(reclassified).toMatchObject({ priority: 'URGENT', slaPolicyName: 'VIP urgent', tags: ['vip'], slaDeadline: null });
    ticket = await read(id);
    expect(eventsAfter(ticket.timeline, seen)).toEqual([
      { type: 'reclassified', data: { priority: { from: 'high', to: 'urgent' } } },
      { type: 'sla_policy_applied', data: { id: vip.id, name: 'VIP urgent', reason: VIP_REASON } },
    ]);
    expect(ticket.sla.policy).toEqual({ id: vip.id, name: 'VIP urgent', reason: VIP_REASON });
    // The time accrued so far is kept, against the new target.
    expect(metricOf(ticket, 'RESOLUTION')).toMatchObject({
      state: 'PAUSED',
      targetMinutes: 240,
      businessHours: true,
      deadline: null,
      elapsedSeconds: Math.trunc(accrued / 1000),
      remainingSeconds: Math.floor((240 * MINUTE - accrued) / 1000),
    });
    expect(metricOf(ticket, 'FIRST_REPLY')).toMatchObject({ state: 'STOPPED', targetMinutes: 30 });
    seen = lastSequence(ticket);
    await changeStatus(id, 'OPEN');
    ticket = await read(id);
    expect(eventsAfter(ticket.timeline, seen).map((e) => e.type)).toEqual(['status_changed', 'sla_resumed']);
    const resumedAgainAt = ms(ticket.timeline.at(-1)!.occurredAt);
    // The rest of the 240 business minutes counts from the resume, on the calendar (after its holidays).
    const vipDeadline = addBusinessTime(calendar, resumedAgainAt, 240 * MINUTE - accrued);
    expect(metricOf(ticket, 'RESOLUTION')).toMatchObject({ state: 'RUNNING', deadline: iso(vipDeadline) });
    expect(ticket.slaDeadline).toBe(iso(vipDeadline));
    expect(holidayDates).not.toContain(localDate(vipDeadline, TIME_ZONE));

    // 6. Solved: every clock stops.
    seen = lastSequence(ticket);
    await changeStatus(id, 'SOLVED');
    ticket = await read(id);
    expect(eventsAfter(ticket.timeline, seen)).toEqual([
      { type: 'status_changed', data: { from: 'open', to: 'solved' } },
      { type: 'sla_stopped', data: { metric: 'resolution', elapsedMs: expect.any(Number) } },
    ]);
    expect(ticket.sla.metrics.map((m) => [m.metric, m.state, m.deadline])).toEqual([
      ['FIRST_REPLY', 'STOPPED', null],
      ['RESOLUTION', 'STOPPED', null],
    ]);
    expect(ticket).toMatchObject({ status: 'SOLVED', slaDeadline: null, solvedAt: expect.any(String) });

    // 7. The customer answers: the ticket reopens and resolution runs again from what it had accrued.
    seen = lastSequence(ticket);
    const reopen = dataOf(await system.graphql(CUSTOMER_REPLY, { input: { ticketId: id, body: 'Still broken for me.' } }, agent)).recordCustomerReply;
    expect(reopen).toMatchObject({
      followUp: false,
      ticket: { id, status: 'OPEN' },
      message: { authorType: 'customer', authorUserId: null, body: 'Still broken for me.', isPublic: true },
    });
    ticket = await read(id);
    expect(eventsAfter(ticket.timeline, seen)).toEqual([
      { type: 'customer_replied', data: { messageId: reopen.message.id } },
      { type: 'reopened', data: { messageId: reopen.message.id } },
      { type: 'status_changed', data: { from: 'solved', to: 'open' } },
      { type: 'sla_resumed', data: { metric: 'resolution' } },
    ]);
    expect(ticket.timeline.filter((e) => e.type === 'reopened')[0].actor).toBe(agentId);
    expect(metricOf(ticket, 'RESOLUTION')).toMatchObject({ state: 'RUNNING', targetMinutes: 240 });
    expect(metricOf(ticket, 'RESOLUTION').deadline).not.toBeNull();
    expect(metricOf(ticket, 'FIRST_REPLY').state).toBe('STOPPED');
    expect(ticket.solvedAt).toBeNull();

    // 8. Solved again and closed: the workflow ends.
    await changeStatus(id, 'SOLVED');
    await changeStatus(id, 'CLOSED');
    await system.temporal.workflow.getHandle(`ticket:${id}`).result();
    const closed = await read(id);
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String), slaDeadline: null });
    const closedMessages = await system.dataSource.query('SELECT id FROM ticket_messages WHERE ticket_id = $1 ORDER BY created_at', [id]);

    // 9. A customer reply to the closed ticket opens a follow-up: a new ticket, linked, with a workflow of its own.
    const late = dataOf(await system.graphql(CUSTOMER_REPLY, { input: { ticketId: id, body: 'It broke again today.' } }, agent)).recordCustomerReply;
    expect(late.followUp).toBe(true);
    const followUp = late.ticket;
    expect(followUp).toMatchObject({
      followUpOf: id,
      status: 'NEW',
      subject: 'Follow-up: Invoice export fails',
      priority: 'URGENT',
      groupId: 'billing',
      tags: ['vip'],
      slaPolicyName: 'VIP urgent',
    });
    expect(followUp.id).not.toBe(id);
    // The reply is the follow-up's description, and not a message besides (it would show twice).
    expect(late.message).toBeNull();
    const description = await system.temporal.workflow.getHandle(`ticket:${followUp.id}`).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(await ticketWorkflowRuns(system.temporal, followUp.id)).toHaveLength(1);
    const followUpRead = await read(followUp.id);
    expect(followUpRead.timeline.slice(0, 2).map(({ type, data }) => ({ type, data }))).toEqual([
      { type: 'created', data: { channel: 'email', followUpOf: id } },
      { type: 'sla_policy_applied', data: { id: vip.id, name: 'VIP urgent', reason: VIP_REASON } },
    ]);
    expect(metricOf(followUpRead, 'FIRST_REPLY')).toMatchObject({
      state: 'RUNNING',
      deadline: iso(addBusinessTime(calendar, ms(followUpRead.createdAt), 30 * MINUTE)),
    });
    expect(await system.dataSource.query('SELECT description FROM tickets WHERE id = $1', [followUp.id])).toEqual([{ description: 'It broke again today.' }]);
    expect(await system.dataSource.query('SELECT id FROM ticket_messages WHERE ticket_id = $1', [followUp.id])).toEqual([]);

    // The closed ticket itself took nothing: same messages, same timeline, still closed.
    expect(await system.dataSource.query('SELECT id FROM ticket_messages WHERE ticket_id = $1 ORDER BY created_at', [id])).toEqual(closedMessages);
    expect(await read(id)).toEqual(closed);
  });

  // KNOWN BUG in libs/domain/sla/metric-clock.ts (not fixed here: libs/domain is out of this change's reach).
  // A policy change moves a running clock to another calendar: the time already passed counts as it was promised
  // under the old calendar (closeRunningStretches), and only the time after the change counts under the new one.
  describe('re-targeting a running clock onto another calendar', () => {
    it('keeps the around-the-clock time accrued before a move to a business-hours policy', async () => {
      const created = await createTicket({ priority: 'URGENT', tags: ['billing'] }); // Standard: 15 minutes, 24x7
      await sleep(2000);
      const seen = lastSequence(await read(created.id));
      dataOf(await system.graphql(RECLASSIFY, { input: { ticketId: created.id, tags: ['billing', 'vip'] } }, agent));
      const ticket = await read(created.id);
      expect(ticket.sla.policy?.name).toBe('VIP urgent');
      const reclassifiedAt = ms(ticket.timeline.find((e) => e.sequence > seen && e.type === 'reclassified')!.occurredAt);
      const accrued = reclassifiedAt - ms(created.createdAt); // ~2 s, counted around the clock
      const firstReply = metricOf(ticket, 'FIRST_REPLY');
      expect(firstReply.elapsedSeconds).toBe(Math.trunc(accrued / 1000));
      expect(firstReply.deadline).toBe(iso(addBusinessTime(calendar, reclassifiedAt, 30 * MINUTE - accrued)));
    });

    it('does not count the non-working time already passed when a business-hours clock moves to a 24x7 policy', async () => {
      const created = await createTicket({ priority: 'URGENT', tags: ['vip'] }); // VIP: 30 business minutes; a holiday now
      await sleep(2000);
      const seen = lastSequence(await read(created.id));
      dataOf(await system.graphql(RECLASSIFY, { input: { ticketId: created.id, tags: [] } }, agent));
      const ticket = await read(created.id);
      expect(ticket.sla.policy?.name).toBe('Standard');
      const reclassifiedAt = ms(ticket.timeline.find((e) => e.sequence > seen && e.type === 'reclassified')!.occurredAt);
      // Nothing accrued on the holiday: the 15 minutes start at the change.
      expect(metricOf(ticket, 'FIRST_REPLY').deadline).toBe(iso(reclassifiedAt + 15 * MINUTE));
    });
  });
});
