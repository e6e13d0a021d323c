import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { TicketLifecycleActivities } from '../../activities/tickets/ticket-lifecycle.activities.js';
import { transitionError } from '../../libs/domain/tickets/ticket-status.js';
import { TICKET_PRIORITY_ATTRIBUTE, TICKET_STATUS_ATTRIBUTE } from '../../libs/temporal/search-attributes.js';
import {
  agentReplyUpdate,
  changeStatusUpdate,
  openTicketUpdate,
  ticketStateQuery,
  type TicketLifecycleState,
  type TicketWorkflowInput,
  type TimelineEvent,
} from './ticket.contract.js';

const { persistTicket, recordLifecycle } = proxyActivities<TicketLifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  // Database outages are waited out: the lifecycle must reach PostgreSQL eventually, not give up.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const SYSTEM_ACTOR = 'system';

/** A ticket's life: the only writer of its status and priority; it writes the row itself, then serves updates. */
export async function ticketWorkflow(input: TicketWorkflowInput): Promise<void> {
  const state: TicketLifecycleState = input.carriedState ?? {
    ticketId: input.ticket.id,
    status: 'new',
    priority: input.ticket.priority,
    lifecycleVersion: 0,
    eventSequence: 0,
    persisted: null,
    lastAgentReplyAt: null,
  };

  const nextEvent = (type: string, actor: string, data: Record<string, unknown> = {}): TimelineEvent => ({
    sequence: ++state.eventSequence,
    type,
    actor,
    occurredAt: new Date().toISOString(),
    data,
  });

  const commit = async (events: TimelineEvent[]): Promise<void> => {
    state.lifecycleVersion += 1;
    upsertSearchAttributes([
      { key: TICKET_STATUS_ATTRIBUTE, value: state.status },
      { key: TICKET_PRIORITY_ATTRIBUTE, value: state.priority },
    ]);
    await recordLifecycle({
      ticketId: state.ticketId,
      status: state.status,
      priority: state.priority,
      lifecycleVersion: state.lifecycleVersion,
      events,
    });
  };

  setHandler(ticketStateQuery, () => state);

  setHandler(openTicketUpdate, async () => {
    await condition(() => state.persisted !== null);
    return state.persisted!;
  });

  setHandler(
    changeStatusUpdate,
    async ({ status, actorUserId }) => {
      await condition(() => state.persisted !== null);
      const from = state.status;
      state.status = status;
      await commit([nextEvent('status_changed', actorUserId, { from, to: status })]);
      return state;
    },
    {
      validator: ({ status }) => {
        const refusal = transitionError(state.status, status);
        if (refusal) throw new Error(refusal);
      },
    },
  );

  setHandler(
    agentReplyUpdate,
    async ({ messageId, actorUserId, isPublic, at }) => {
      await condition(() => state.persisted !== null);
      const events = [nextEvent('agent_replied', actorUserId, { messageId, isPublic })];
      // A public answer to a new ticket means someone is on it.
      if (isPublic && state.status === 'new') {
        state.status = 'open';
        events.push(nextEvent('status_changed', actorUserId, { from: 'new', to: 'open' }));
      }
      if (isPublic) state.lastAgentReplyAt = at;
      await commit(events);
      return state;
    },
    {
      validator: (_reply) => {
        if (state.status === 'closed') throw new Error('The ticket is closed: it takes no more replies.');
      },
    },
  );

  if (state.persisted === null) {
    const persisted = await persistTicket(input.ticket);
    await commit([nextEvent('created', input.ticket.createdBy ?? SYSTEM_ACTOR, { channel: input.ticket.channel })]);
    state.persisted = persisted;
  }

  await condition(() => state.status === 'closed' || workflowInfo().continueAsNewSuggested);
  await condition(allHandlersFinished);
  if (state.status !== 'closed') {
    await continueAsNew<typeof ticketWorkflow>({ ticket: input.ticket, carriedState: state });
  }
}
