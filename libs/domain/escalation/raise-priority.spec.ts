import type { TicketPriority } from '../tickets/ticket-fields.js';
import { raisedPriority } from './raise-priority.js';

describe('raisedPriority', () => {
  it.each<[TicketPriority, TicketPriority]>([
    ['low', 'normal'],
    ['normal', 'high'],
    ['high', 'urgent'],
    ['urgent', 'urgent'],
  ])('raises %s to %s', (from, to) => {
    expect(raisedPriority(from)).toBe(to);
  });
});
