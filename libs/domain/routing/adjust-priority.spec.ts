import { TICKET_PRIORITIES, type TicketPriority } from '../tickets/ticket-fields.js';
import { adjustPriority } from './adjust-priority.js';

describe('adjustPriority', () => {
  it.each<[TicketPriority, number, TicketPriority]>([
    ['low', 1, 'normal'],
    ['low', 3, 'urgent'],
    ['normal', 3, 'urgent'],
    ['urgent', 2, 'urgent'],
    ['urgent', -1, 'high'],
    ['high', -3, 'low'],
    ['normal', 0, 'normal'],
    ['normal', 1.9, 'high'],
    ['normal', -1.9, 'low'],
    ['high', Number.NaN, 'high'],
    ['high', Number.POSITIVE_INFINITY, 'high'],
  ])('%s %p → %s', (priority, steps, expected) => {
    expect(adjustPriority(priority, steps)).toBe(expected);
  });

  it('stays inside the priority list for every priority and step', () => {
    for (const priority of TICKET_PRIORITIES) {
      for (let steps = -5; steps <= 5; steps++) expect(TICKET_PRIORITIES).toContain(adjustPriority(priority, steps));
    }
  });
});
