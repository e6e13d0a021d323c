import { allowedTransitions, transitionError, TICKET_STATUSES } from './ticket-status.js';

describe('ticket status transitions', () => {
  it.each([
    ['new', 'open'],
    ['open', 'pending'],
    ['pending', 'open'],
    ['on_hold', 'solved'],
    ['solved', 'open'],
    ['solved', 'closed'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(transitionError(from, to)).toBeNull();
  });

  it('refuses a skip to closed and names the allowed statuses', () => {
    expect(transitionError('open', 'closed')).toBe('The ticket cannot go from open to closed; from open it can go to: pending, on_hold, solved.');
  });

  it('treats closed as final', () => {
    for (const to of TICKET_STATUSES) expect(transitionError('closed', to)).not.toBeNull();
    expect(allowedTransitions('closed')).toEqual([]);
  });

  it('refuses a transition to the same status', () => {
    expect(transitionError('pending', 'pending')).toBe('The ticket is already pending.');
  });
});
