import { phaseOf, type MigrationPhase } from './migration-phases.js';
import type { MappedRecord, RecordType } from './migration-record.js';

const NOW = Date.UTC(2026, 10, 23);
const DAY = 86_400_000;
const ticket = (status: string, updatedDaysAgo: number): MappedRecord => ({
  type: 'ticket',
  sourceId: '1',
  values: { status, createdAt: new Date(NOW - 400 * DAY).toISOString(), updatedAt: new Date(NOW - updatedDaysAgo * DAY).toISOString() },
  customFields: {},
  sourceUpdatedAt: null,
});

describe('phaseOf', () => {
  it.each<[string, RecordType, MappedRecord | null, MigrationPhase]>([
    ['an organization', 'organization', null, 'customers'],
    ['a customer', 'customer', null, 'customers'],
    ['an open ticket however old', 'ticket', ticket('open', 500), 'open_tickets'],
    ['a pending ticket', 'ticket', ticket('pending', 1), 'open_tickets'],
    ['a ticket solved 10 days ago', 'ticket', ticket('solved', 10), 'recently_closed'],
    ['a ticket closed exactly 90 days ago', 'ticket', ticket('closed', 90), 'recently_closed'],
    ['a ticket closed 91 days ago', 'ticket', ticket('closed', 91), 'history'],
    ['a ticket that could not be mapped', 'ticket', null, 'open_tickets'],
    ['an article', 'article', null, 'knowledge'],
    ['a message', 'message', null, 'history'],
    ['a record of no imported type', 'other', null, 'history'],
  ])('%s → %s', (_name, type, mapped, phase) => {
    expect(phaseOf(type, mapped, NOW)).toBe(phase);
  });
});
