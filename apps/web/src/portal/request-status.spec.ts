import { requestStatusView } from './request-status';

describe('requestStatusView', () => {
  it("names each status in the customer's words, with what happens next", () => {
    expect(requestStatusView('NEW')).toEqual({ label: 'New', badge: 'badge-info', next: expect.stringContaining('an agent will pick it up') });
    expect(requestStatusView('PENDING').label).toBe('Waiting for you');
    expect(requestStatusView('SOLVED')).toMatchObject({ label: 'Solved', badge: 'badge-ok' });
    expect(requestStatusView('CLOSED').next).toContain('opens a new request');
  });
});
