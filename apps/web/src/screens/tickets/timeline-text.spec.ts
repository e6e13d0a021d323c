import { describeEvent } from './timeline-text';

const names = { group: (id: string) => (id === 'g1' ? 'Billing' : id), person: (id: string) => (id === 'u1' ? 'Ana' : 'another agent') };

describe('describeEvent', () => {
  it('says where routing sent the ticket and why', () => {
    const routed = describeEvent({ type: 'routed', actor: 'system', data: { groupId: 'g1', ruleName: 'Invoices', reasons: ['Subject mentions invoice.'], fallback: false } }, names);
    expect(routed).toEqual({ title: 'Routed to Billing by rule “Invoices”', detail: 'Subject mentions invoice.', tone: 'info' });
    const fallback = describeEvent({ type: 'routed', actor: 'system', data: { groupId: 'g1', reasons: ['No rule matched.'], fallback: true } }, names);
    expect(fallback.title).toBe('Routed to the fallback queue Billing');
    expect(fallback.tone).toBe('warn');
  });

  it('names the SLA policy chosen and its reason, and clock targets in business time', () => {
    expect(describeEvent({ type: 'sla_policy_applied', actor: 'system', data: { id: 'p', name: 'VIP', reason: 'tier vip' } }, names)).toMatchObject({
      title: 'SLA policy “VIP” applies',
      detail: 'tier vip',
    });
    expect(describeEvent({ type: 'sla_started', actor: 'system', data: { metric: 'first_reply', targetMinutes: 90, businessHours: true } }, names)).toMatchObject({
      title: 'First reply clock started',
      detail: 'Target 1 h 30 min of business time.',
    });
  });

  it('marks breaches and escalations as dangers, with their cause', () => {
    expect(describeEvent({ type: 'sla_breached', actor: 'system', data: { metric: 'resolution', overdueMs: 120_000 } }, names)).toEqual({
      title: 'Resolution SLA breached',
      detail: 'Detected 2 min after the deadline.',
      tone: 'danger',
    });
    expect(describeEvent({ type: 'escalation_reassigned', actor: 'system', data: { step: 2, trigger: 'breach', metric: 'first_reply', to: 'g1' } }, names)).toEqual({
      title: 'Escalation step 2: moved to Billing',
      detail: 'After the First reply breach.',
      tone: 'danger',
    });
  });

  it('tells a status change, a note and a reclassification apart', () => {
    expect(describeEvent({ type: 'status_changed', actor: 'u1', data: { from: 'open', to: 'on_hold' } }, names).title).toBe('Status changed: open → on hold');
    expect(describeEvent({ type: 'agent_replied', actor: 'u1', data: { isPublic: false } }, names).title).toBe('Internal note added');
    expect(describeEvent({ type: 'reclassified', actor: 'u1', data: { priority: { from: 'normal', to: 'urgent' } } }, names).detail).toBe('priority: normal → urgent');
    expect(describeEvent({ type: 'assigned', actor: 'system', data: { agentId: 'u1', reason: 'Least loaded.' } }, names)).toMatchObject({ title: 'Assigned to Ana', detail: 'Least loaded.' });
  });

  it("tells a service request's approval and fulfilment steps", () => {
    expect(describeEvent({ type: 'approval_requested', actor: 'system', data: { approverUserId: 'u1', approverRole: null } }, names).title).toBe('Approval requested from Ana');
    expect(describeEvent({ type: 'approval_requested', actor: 'system', data: { approverUserId: null, approverRole: 'supervisor' } }, names).title).toBe(
      'Approval requested from the supervisor role',
    );
    expect(describeEvent({ type: 'approval_escalated', actor: 'system', data: { escalatedTo: null, afterMinutes: 120 } }, names)).toEqual({
      title: 'Approval escalated to the supervisors',
      detail: 'Waiting for 2 h 00 min.',
      tone: 'warn',
    });
    expect(describeEvent({ type: 'approval_rejected', actor: 'u1', data: { reason: 'No budget.' } }, names)).toEqual({ title: 'Rejected by Ana', detail: 'No budget.', tone: 'danger' });
    expect(describeEvent({ type: 'fulfilment_task_created', actor: 'system', data: { position: 1, title: 'Order the laptop' } }, names).title).toBe('Task 1 started: Order the laptop');
    expect(describeEvent({ type: 'request_fulfilled', actor: 'system', data: {} }, names).tone).toBe('ok');
  });

  it('tells the links between incidents and problems', () => {
    expect(describeEvent({ type: 'linked_to_problem', actor: 'u1', data: { problemId: 'p', problemNumber: 7 } }, names).title).toBe('Linked to problem #7');
    expect(describeEvent({ type: 'incident_linked', actor: 'u1', data: { incidentId: 'i', incidentNumber: 8 } }, names).title).toBe('Incident #8 linked');
    expect(describeEvent({ type: 'solved_with_problem', actor: 'u1', data: { problemNumber: 7 } }, names)).toMatchObject({ title: 'Solved with problem #7', tone: 'ok' });
  });

  it('falls back to the event type for events it does not know', () => {
    expect(describeEvent({ type: 'something_new', actor: 'system', data: null }, names)).toEqual({ title: 'something new', tone: 'neutral' });
  });
});
