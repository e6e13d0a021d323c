import { emptyPolicyForm, policyFormFrom, policyInputFrom, type SavedPolicy } from './policy-form';

const saved: SavedPolicy = {
  name: 'VIP',
  active: true,
  calendarId: 'cal-1',
  escalationPolicyId: 'esc-1',
  conditions: { channels: [], priorities: ['URGENT'], tags: ['vip'], customerTiers: ['gold'], groupIds: [], organizationIds: ['org-9'], ticketTypes: ['INCIDENT'], serviceIds: ['svc-1'], requestItemIds: ['item-2'], fields: [{ name: 'product', values: ['Portal'] }] },
  targets: [
    { priority: 'URGENT', metric: 'FIRST_REPLY', minutes: 30, businessHours: true },
    { priority: 'URGENT', metric: 'RESOLUTION', minutes: 480, businessHours: true },
  ],
  pauseWhile: [{ metric: 'RESOLUTION', statuses: ['PENDING'] }],
  warningThresholds: [50, 80],
};

describe('SLA policy form', () => {
  it('sends only the targets typed, in priority then metric order', () => {
    const form = emptyPolicyForm();
    form.name = 'Standard';
    form.targets.NORMAL.RESOLUTION = '1440';
    form.targets.HIGH.FIRST_REPLY = '60';
    const input = policyInputFrom(form);
    expect(input.targets).toEqual([
      { priority: 'HIGH', metric: 'FIRST_REPLY', minutes: 60, businessHours: true },
      { priority: 'NORMAL', metric: 'RESOLUTION', minutes: 1440, businessHours: true },
    ]);
    expect(input).toMatchObject({ name: 'Standard', calendarId: null, warningThresholds: [75, 90] });
    expect(input).not.toHaveProperty('pauseWhile');
  });

  it('round-trips a saved policy, keeping its escalation, pause rules and other conditions', () => {
    const input = policyInputFrom(policyFormFrom(saved), saved);
    expect(input).toEqual({
      name: 'VIP',
      active: true,
      calendarId: 'cal-1',
      escalationPolicyId: 'esc-1',
      conditions: { priorities: ['URGENT'], channels: [], tags: ['vip'], customerTiers: ['gold'], groupIds: [], organizationIds: ['org-9'], ticketTypes: ['INCIDENT'], serviceIds: ['svc-1'], requestItemIds: ['item-2'], fields: [{ name: 'product', values: ['Portal'] }] },
      targets: saved.targets,
      pauseWhile: saved.pauseWhile,
      warningThresholds: [50, 80],
    });
  });
});
