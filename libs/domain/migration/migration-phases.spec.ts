import { phaseOf, type MigrationPhase } from './migration-phases.js';
import type { MappedRecord, RecordType } from './migration-record.js';

const NOW = Date.UTC(2026, 10, 23);
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();
const ticket = (status: string, updatedDaysAgo: number): MappedRecord['values'] => ({ status, createdAt: daysAgo(400), updatedAt: daysAgo(updatedDaysAgo) });

describe('phaseOf', () => {
  it.each<[string, RecordType, MappedRecord['values'] | null, MigrationPhase]>([
    ['an organization', 'organization', null, 'customers'],
    ['a customer', 'customer', null, 'customers'],
    ['an open ticket however old', 'ticket', ticket('open', 500), 'open_tickets'],
    ['a pending ticket', 'ticket', ticket('pending', 1), 'open_tickets'],
    ['a ticket solved 10 days ago', 'ticket', ticket('solved', 10), 'recently_closed'],
    ['a ticket closed exactly 90 days ago', 'ticket', ticket('closed', 90), 'recently_closed'],
    ['a ticket closed 91 days ago', 'ticket', ticket('closed', 91), 'history'],
    ['a ticket that could not be mapped', 'ticket', null, 'open_tickets'],
    // A resolved ticket whose optional update time failed to map keeps its status: it is history, not open work.
    ['a closed ticket whose updatedAt failed', 'ticket', { status: 'closed', createdAt: daysAgo(400) }, 'history'],
    ['a ticket whose status failed', 'ticket', { createdAt: daysAgo(400) }, 'open_tickets'],
    ['a ticket closed 10 days ago by its closedAt, updated since', 'ticket', { ...ticket('closed', 1), closedAt: daysAgo(10) }, 'recently_closed'],
    ['a ticket solved 200 days ago by its solvedAt, touched yesterday', 'ticket', { ...ticket('solved', 1), solvedAt: daysAgo(200) }, 'history'],
    // Its incidents, in every ticket phase, link to it: it is imported with the first.
    ['a problem closed 400 days ago', 'ticket', { ...ticket('closed', 400), type: 'problem' }, 'open_tickets'],
    ['an incident closed 400 days ago', 'ticket', { ...ticket('closed', 400), type: 'incident' }, 'history'],
    ['an article', 'article', null, 'knowledge'],
    ['a message', 'message', null, 'history'],
    ['a record of no imported type', 'other', null, 'history'],
  ])('%s → %s', (_name, type, mapped, phase) => {
    expect(phaseOf(type, mapped, NOW)).toBe(phase);
  });
});
