import { selectSlaPolicy } from './select-sla-policy.js';
import type { SlaPolicy, SlaPolicyConditions, SlaTicketFacts } from './sla-policy.js';

// Per-service SLAs (issue 15): the catalog service and request item of a service request as policy conditions.

function policy(name: string, position: number, conditions: SlaPolicyConditions): SlaPolicy {
  return {
    id: name,
    name,
    position,
    conditions,
    targets: { normal: { resolution: { minutes: 480, businessHours: true } } },
    pauseWhile: {},
    warningThresholds: [],
    calendarId: null,
    escalationPolicyId: null,
  };
}

const laptopRequest: SlaTicketFacts = {
  priority: 'normal',
  channel: 'web',
  organizationId: null,
  customerTier: null,
  groupId: 'group-it',
  tags: [],
  type: 'service_request',
  service: { id: 'svc-laptop', name: 'Laptop' },
  requestItem: { id: 'item-new', name: 'New laptop' },
};

const question: SlaTicketFacts = { ...laptopRequest, type: 'question', service: undefined, requestItem: undefined };

describe('selectSlaPolicy by service and request item', () => {
  it('matches a service request of a listed service, naming the service in the reason', () => {
    const selection = selectSlaPolicy([policy('Laptops', 0, { serviceIds: ['svc-vpn', 'svc-laptop'] })], laptopRequest);
    expect(selection?.reason).toBe('Policy "Laptops" (position 0) matched: service "Laptop".');
  });

  it('matches by request item, naming the item', () => {
    const selection = selectSlaPolicy([policy('New laptops', 0, { requestItemIds: ['item-new'] })], laptopRequest);
    expect(selection?.reason).toBe('Policy "New laptops" (position 0) matched: request item "New laptop".');
  });

  it('with service and type together (AND), both are named', () => {
    const selection = selectSlaPolicy([policy('P', 0, { ticketTypes: ['service_request'], serviceIds: ['svc-laptop'] })], laptopRequest);
    expect(selection?.reason).toBe('Policy "P" (position 0) matched: type service_request, service "Laptop".');
  });

  it('passes over a policy for another service or item, to the next that matches', () => {
    const selection = selectSlaPolicy(
      [policy('VPN', 0, { serviceIds: ['svc-vpn'] }), policy('Other items', 1, { requestItemIds: ['item-repair'] }), policy('Default', 2, {})],
      laptopRequest,
    );
    expect(selection?.policy.name).toBe('Default');
  });

  it('never matches a ticket without a service (absent or null)', () => {
    const policies = [policy('Laptops', 0, { serviceIds: ['svc-laptop'] }), policy('Items', 1, { requestItemIds: ['item-new'] })];
    expect(selectSlaPolicy(policies, question)).toBeNull();
    expect(selectSlaPolicy(policies, { ...question, service: null, requestItem: null })).toBeNull();
  });

  it('an empty service list matches every ticket, as other empty conditions do', () => {
    expect(selectSlaPolicy([policy('Any', 0, { serviceIds: [] })], question)?.reason).toBe('Policy "Any" (position 0) matched: it has no conditions.');
  });
});
