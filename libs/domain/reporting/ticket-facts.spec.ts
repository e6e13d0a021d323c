import { ALWAYS_OPEN_CALENDAR, type BusinessCalendar } from '../calendar/index.js';
import { ticketFacts, type ReportedEvent, type ReportedMessage, type TicketHistory } from './ticket-facts.js';

// Worked ticket histories: what each one must contribute to the reports, counted by hand.

const MINUTE = 60_000;
// Monday 2026-11-02 09:00 in Paris (08:00 UTC).
const T0 = Date.parse('2026-11-02T08:00:00Z');
const at = (minutes: number) => T0 + minutes * MINUTE;

const agent = (minutes: number, isPublic = true): ReportedMessage => ({ authorType: 'agent', isPublic, at: at(minutes) });
const customer = (minutes: number): ReportedMessage => ({ authorType: 'customer', isPublic: true, at: at(minutes) });
const event = (minutes: number, type: string, data: Record<string, unknown> = {}): ReportedEvent => ({ type, actor: 'someone', at: at(minutes), data });
const status = (minutes: number, from: string, to: string) => event(minutes, 'status_changed', { from, to });

function history(overrides: Partial<TicketHistory>): TicketHistory {
  return {
    createdAt: T0,
    status: 'open',
    solvedAt: null,
    closedAt: null,
    routedGroupId: null,
    misrouted: false,
    messages: [],
    events: [],
    calendar: ALWAYS_OPEN_CALENDAR,
    ...overrides,
  };
}

const OFFICE_HOURS: BusinessCalendar = {
  timeZone: 'Europe/Paris',
  intervals: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1 | 2 | 3 | 4 | 5, start: '09:00', end: '17:00' })),
  holidays: [],
};

describe('ticketFacts', () => {
  it('answered once and solved: first reply, resolution, one touch and first contact resolution', () => {
    const facts = ticketFacts(
      history({
        status: 'solved',
        messages: [agent(30)],
        events: [event(0, 'created'), status(30, 'new', 'open'), status(45, 'open', 'solved')],
      }),
    );
    expect(facts).toMatchObject({
      solvedAt: at(45),
      doneAt: at(45),
      firstReplyMinutes: 30,
      firstReplyBusinessMinutes: 30,
      resolutionMinutes: 45,
      resolutionBusinessMinutes: 45,
      publicAgentReplies: 1,
      reopens: 0,
      oneTouch: true,
      firstContactResolved: true,
      nextReplyMinutes: [],
    });
  });

  it('an internal note is not a reply', () => {
    const facts = ticketFacts(history({ messages: [agent(5, false), agent(20)] }));
    expect(facts.firstReplyMinutes).toBe(20);
    expect(facts.publicAgentReplies).toBe(1);
  });

  it('reopened and solved again: resolution runs to the last solve, one touch but not first contact resolution', () => {
    const facts = ticketFacts(
      history({
        status: 'closed',
        messages: [agent(10), customer(100), agent(130)],
        events: [
          status(10, 'new', 'open'),
          status(20, 'open', 'solved'),
          event(100, 'customer_replied'),
          event(100, 'reopened'),
          status(100, 'solved', 'open'),
          status(140, 'open', 'solved'),
          status(5000, 'solved', 'closed'),
        ],
      }),
    );
    expect(facts.solvedAt).toBe(at(140));
    expect(facts.resolutionMinutes).toBe(140);
    expect(facts.reopens).toBe(1);
    expect(facts.publicAgentReplies).toBe(2);
    expect(facts.oneTouch).toBe(false);
    expect(facts.firstContactResolved).toBe(false);
    expect(facts.nextReplyMinutes).toEqual([30]);
  });

  it('reopened and still open: not solved, so no resolution time and not counted as one touch', () => {
    const facts = ticketFacts(
      history({
        status: 'open',
        messages: [agent(10), customer(100)],
        events: [status(10, 'new', 'open'), status(20, 'open', 'solved'), event(100, 'reopened'), status(100, 'solved', 'open')],
      }),
    );
    expect(facts).toMatchObject({ solvedAt: null, resolutionMinutes: null, oneTouch: false, firstContactResolved: false, reopens: 1 });
  });

  it('a customer writing twice before the answer is one wait, from the first message', () => {
    const facts = ticketFacts(history({ messages: [agent(10), customer(20), customer(50), agent(80), customer(200), agent(215)] }));
    expect(facts.nextReplyMinutes).toEqual([60, 15]);
  });

  it('counts the time spent pending, finished stretches only', () => {
    const facts = ticketFacts(
      history({
        status: 'pending',
        events: [status(10, 'new', 'open'), status(20, 'open', 'pending'), status(80, 'pending', 'open'), status(100, 'open', 'pending')],
      }),
    );
    expect(facts.waitingOnCustomerMinutes).toBe(60);
  });

  it('counts reassignments from one agent to another, not the first assignment nor a wait in the queue', () => {
    const facts = ticketFacts(
      history({
        events: [
          event(0, 'queued', { agentId: null }),
          event(5, 'assigned', { agentId: 'ann' }),
          event(50, 'assigned', { agentId: 'bob' }),
          event(60, 'assigned', { agentId: 'bob' }),
          event(90, 'assigned', { agentId: 'ann' }),
        ],
      }),
    );
    expect(facts.reassignments).toBe(2);
  });

  it('counts escalation steps once each, not their repeats', () => {
    const facts = ticketFacts(
      history({
        events: [
          event(60, 'escalation_notified', { step: 1, repeat: false }),
          event(90, 'escalation_notified', { step: 1, repeat: true }),
          event(120, 'escalation_reassigned', { step: 2, repeat: false }),
          event(130, 'escalation_acknowledged', {}),
        ],
      }),
    );
    expect(facts.escalations).toBe(2);
  });

  it('judges each SLA clock: met, met after a warning, breached and stopped late, breached and still running', () => {
    const facts = ticketFacts(
      history({
        events: [
          event(0, 'sla_started', { metric: 'first_reply' }),
          event(0, 'sla_started', { metric: 'resolution' }),
          event(45, 'sla_warning', { metric: 'first_reply', threshold: 0.75 }),
          event(50, 'sla_stopped', { metric: 'first_reply' }),
          event(60, 'sla_started', { metric: 'next_reply' }),
          event(120, 'sla_breached', { metric: 'next_reply', deadline: new Date(at(120)).toISOString() }),
          event(150, 'sla_stopped', { metric: 'next_reply' }),
          event(200, 'sla_started', { metric: 'next_reply' }),
          event(210, 'sla_stopped', { metric: 'next_reply' }),
          event(480, 'sla_breached', { metric: 'resolution', deadline: new Date(at(480)).toISOString() }),
        ],
      }),
    );
    expect(facts.sla).toEqual({
      first_reply: { met: 1, breached: 0 },
      next_reply: { met: 1, breached: 1 },
      resolution: { met: 0, breached: 1 },
    });
    expect(facts.slaMinutesPastDeadline).toEqual([30]);
    expect(facts.slaWarningsMet).toBe(1);
  });

  it('judges a reopened ticket\'s resolution clock at its final stop: met at the first solve, breached after the reopen', () => {
    const facts = ticketFacts(
      history({
        events: [
          event(0, 'sla_started', { metric: 'resolution' }),
          event(100, 'sla_stopped', { metric: 'resolution' }),
          event(200, 'sla_resumed', { metric: 'resolution' }),
          event(480, 'sla_breached', { metric: 'resolution', deadline: new Date(at(480)).toISOString() }),
          event(500, 'sla_stopped', { metric: 'resolution' }),
        ],
      }),
    );
    expect(facts.sla.resolution).toEqual({ met: 0, breached: 1 });
    expect(facts.slaMinutesPastDeadline).toEqual([20]);
  });

  it('measures business time on the ticket calendar: created Friday 16:00, answered Monday 10:00 is 2 business hours', () => {
    const friday = Date.parse('2026-11-06T15:00:00Z'); // 16:00 in Paris
    const monday = Date.parse('2026-11-09T09:00:00Z'); // 10:00 in Paris
    const facts = ticketFacts(
      history({
        createdAt: friday,
        status: 'solved',
        calendar: OFFICE_HOURS,
        messages: [{ authorType: 'agent', isPublic: true, at: monday }],
        events: [event(0, 'status_changed', { from: 'open', to: 'solved' })].map((solved) => ({ ...solved, at: monday + 30 * MINUTE })),
      }),
    );
    expect(facts.firstReplyMinutes).toBe((monday - friday) / MINUTE);
    expect(facts.firstReplyBusinessMinutes).toBe(120);
    expect(facts.resolutionBusinessMinutes).toBe(150);
  });

  it('an imported ticket without a timeline is judged by its row: solved at the recorded time, replies from its messages', () => {
    const facts = ticketFacts(history({ status: 'closed', solvedAt: null, closedAt: at(600), messages: [customer(0), agent(90)] }));
    expect(facts).toMatchObject({ solvedAt: at(600), resolutionMinutes: 600, firstReplyMinutes: 90, oneTouch: true, firstContactResolved: true });
  });

  it('a duplicate merged into another ticket is closed but not solved: no resolution, no one touch', () => {
    const facts = ticketFacts(
      history({ status: 'closed', closedAt: at(30), messages: [agent(10)], events: [event(30, 'merged', { into: 'primary', from: 'open' })] }),
    );
    expect(facts).toMatchObject({ solvedAt: null, resolutionMinutes: null, oneTouch: false, firstContactResolved: false });
    // It is done all the same (out of the backlog) from the merge on.
    expect(facts.doneAt).toBe(at(30));
  });

  it("an imported ticket without replies takes the first reply its old help desk recorded; a reply of its own wins", () => {
    expect(ticketFacts(history({ recordedFirstReplyAt: at(45) })).firstReplyMinutes).toBe(45);
    expect(ticketFacts(history({ recordedFirstReplyAt: at(45), messages: [agent(30)] })).firstReplyMinutes).toBe(30);
    expect(ticketFacts(history({ recordedFirstReplyAt: null })).firstReplyMinutes).toBeNull();
  });

  it('routing: routed by the rules and moved by a person is misrouted; not routed is neither', () => {
    expect(ticketFacts(history({ routedGroupId: 'billing', misrouted: true }))).toMatchObject({ routed: true, misrouted: true });
    expect(ticketFacts(history({ routedGroupId: null, misrouted: false }))).toMatchObject({ routed: false, misrouted: false });
  });
});
