import { readSlaEvent } from './live-event-text';

describe('live SLA events in words', () => {
  it.each([
    [{ type: 'sla_warning', data: { metric: 'first_reply', threshold: 75 } }, { text: 'First reply at 75 % of its target', tone: 'warn' }],
    [{ type: 'sla_breached', data: { metric: 'resolution', deadline: '2026-12-07T02:00:00Z' } }, { text: 'Resolution target breached', tone: 'danger' }],
    [{ type: 'escalation_notified', data: { step: 1, recipients: 'supervisors' } }, { text: 'Escalation step 1: supervisors notified', tone: 'warn' }],
    [{ type: 'escalation_priority_raised', data: { step: 2, to: 'URGENT' } }, { text: 'Escalation step 2: priority raised to urgent', tone: 'warn' }],
    [{ type: 'escalation_reassigned', data: { step: 3, to: 'tier-2' } }, { text: 'Escalation step 3: moved to group tier-2', tone: 'warn' }],
    [{ type: 'escalation_acknowledged', data: {} }, { text: 'Escalation acknowledged', tone: 'ok' }],
    [{ type: 'something_new', data: null }, { text: 'something new', tone: 'info' }],
  ])('%j', (event, reading) => {
    expect(readSlaEvent(event)).toEqual(reading);
  });
});
