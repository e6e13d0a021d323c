import { randomUUID } from 'node:crypto';
import type { SendTemplatedEmailInput } from '../../activities/email/email.activities.js';
import type { ProblemSolutionReplyInput } from '../../activities/tickets/problem.activities.js';
import { ALWAYS_OPEN_CALENDAR } from '../../libs/domain/calendar/index.js';
import { solvesWithProblem } from '../../libs/domain/tickets/problem-links.js';
import type { SurveySettings } from '../../libs/domain/survey/survey-settings.js';
import type { TicketType } from '../../libs/domain/tickets/ticket-type.js';
import type { LifecycleSnapshot, NewTicket, SlaRulesSnapshot } from '../../workflows/ticket/ticket.contract.js';

/** The agent the fakes assign every ticket to. */
export const FAKE_AGENT = 'agent-1';

/**
 * In-memory stand-ins for the ticket workflow's activities, for workflow tests about tickets talking to each other
 * (merges, problems and their incidents): what each ticket wrote, the mails sent, the replies stored.
 */
export function fakeTicketActivities() {
  const snapshots = new Map<string, LifecycleSnapshot[]>();
  const mails: SendTemplatedEmailInput[] = [];
  const storedReplies: ProblemSolutionReplyInput[] = [];
  const surveySettings: SurveySettings = { enabled: true, trigger: 'closed', delayMinutes: 60, reminderAfterDays: null, expiresAfterDays: 1 };
  const eventsOf = (ticketId: string) => (snapshots.get(ticketId) ?? []).flatMap((snapshot) => snapshot.events);
  const lastSnapshotOf = (ticketId: string) => snapshots.get(ticketId)!.at(-1)!;
  /** The problem a ticket's row links to, as the writes left it. */
  const problemIdOf = (ticketId: string) =>
    (snapshots.get(ticketId) ?? []).filter((snapshot) => snapshot.problemLink !== undefined).at(-1)?.problemLink?.problemId ?? null;
  const activities = {
    persistTicket: async (ticket: NewTicket) => ({ number: ticket.subject, createdAt: ticket.createdAt }),
    recordLifecycle: async (snapshot: LifecycleSnapshot) => {
      snapshots.set(snapshot.ticketId, [...(snapshots.get(snapshot.ticketId) ?? []), snapshot]);
    },
    resolveSlaRules: async (): Promise<SlaRulesSnapshot> => ({
      policy: { id: 'policy-1', name: 'Standard', reason: 'no conditions' },
      targets: { first_reply: { minutes: 60, businessHours: false }, resolution: { minutes: 480, businessHours: false } },
      pauseWhile: {},
      warningThresholds: [],
      calendar: ALWAYS_OPEN_CALENDAR,
      escalationPolicy: null,
      autoCloseDays: 4,
    }),
    assignAgent: async () => ({ agentId: FAKE_AGENT, reason: 'free' }),
    queuedTicketsFor: async () => [],
    sendTemplatedEmail: async (mail: SendTemplatedEmailInput) => {
      mails.push(mail);
      return { messageId: `<${mail.idempotencyKey}@example.com>`, alreadySent: false };
    },
    loadSurveySettings: async () => surveySettings,
    openSurveyInvitation: async () => ({ surveyId: 's', expiresAt: new Date().toISOString() }),
    recordSurveyStep: async () => true,
    incidentsToSolveWith: async (problemId: string) =>
      [...snapshots.keys()].filter((id) => problemIdOf(id) === problemId && solvesWithProblem(lastSnapshotOf(id).status)),
    postProblemSolutionReply: async (reply: ProblemSolutionReplyInput) => {
      storedReplies.push(reply);
      return { at: new Date().toISOString() };
    },
  };
  return { activities, mails, storedReplies, eventsOf, lastSnapshotOf, problemIdOf };
}

/** A new ticket whose subject is its number (the fake persistTicket numbers tickets by their subject). */
export function fakeNewTicket(number: string, type?: TicketType, requesterEmail = 'customer@example.com'): NewTicket {
  return {
    id: randomUUID(),
    subject: number,
    description: 'It does not work.',
    requesterEmail,
    channel: 'email',
    priority: 'normal',
    groupId: 'tier-1',
    organizationId: null,
    customerTier: null,
    tags: [],
    ...(type ? { type } : {}),
    createdBy: FAKE_AGENT,
    idempotencyKey: null,
    followUpOf: null,
    createdAt: new Date().toISOString(),
  };
}
