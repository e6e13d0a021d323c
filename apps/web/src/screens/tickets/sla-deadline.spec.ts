import { deadlineText } from './sla-deadline';

describe('deadlineText', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  it('counts down to a future deadline, warning within the hour', () => {
    expect(deadlineText('2026-12-07T12:05:00Z', null, now)).toEqual({ text: 'in 2 h 05 min', tone: 'ok' });
    expect(deadlineText('2026-12-07T10:30:00Z', null, now)).toEqual({ text: 'in 30 min', tone: 'warn' });
  });
  it('says how overdue a passed deadline is', () => {
    expect(deadlineText('2026-12-07T09:55:00Z', null, now)).toEqual({ text: 'overdue by 5 min', tone: 'danger' });
  });
  it('tells a ticket with no running clock from a breached one', () => {
    expect(deadlineText(null, null, now)).toEqual({ text: 'none running', tone: 'neutral' });
    expect(deadlineText(null, '2026-12-07T09:00:00Z', now)).toEqual({ text: 'breached', tone: 'danger' });
  });
});
