import { approverText, escalatedToText, mayDecide, personText, type ApprovalView } from './approval-view';

const NAMED: ApprovalView = { state: 'PENDING', approverUserId: 'approver-1', approverRole: null, escalatedAt: null, escalatedTo: null };

describe('approval view', () => {
  it.each([
    ['the named approver', { id: 'approver-1', roles: ['AGENT'] }, NAMED, true],
    ['another agent', { id: 'agent-2', roles: ['AGENT'] }, NAMED, false],
    ['an admin', { id: 'admin-3', roles: ['ADMIN'] }, NAMED, true],
    ['a holder of the approver role', { id: 'sup-4', roles: ['SUPERVISOR'] }, { ...NAMED, approverUserId: null, approverRole: 'SUPERVISOR' }, true],
    ['whom it was escalated to', { id: 'boss-5', roles: ['AGENT'] }, { ...NAMED, escalatedAt: '2026-12-07T10:00:00Z', escalatedTo: 'boss-5' }, true],
    ['a supervisor, once escalated to nobody named', { id: 'sup-6', roles: ['SUPERVISOR'] }, { ...NAMED, escalatedAt: '2026-12-07T10:00:00Z' }, true],
    ['a supervisor, before it escalates', { id: 'sup-6', roles: ['SUPERVISOR'] }, NAMED, false],
    ['the named approver, once decided', { id: 'approver-1', roles: ['AGENT'] }, { ...NAMED, state: 'APPROVED' }, false],
  ] as const)('offers the decision to %s: %s', (_who, viewer, approval, offered) => {
    expect(mayDecide(approval as ApprovalView, viewer)).toBe(offered);
  });

  it('offers nothing while signed out', () => expect(mayDecide(NAMED, null)).toBe(false));

  it('names the viewer "you" and anyone else by a short id', () => {
    expect(personText('approver-1', 'approver-1')).toBe('you');
    expect(personText('0123456789abcdef', 'me')).toBe('user 01234567');
  });

  it('says who approves: a named user or a role', () => {
    expect(approverText(NAMED, 'approver-1')).toBe('you');
    expect(approverText({ ...NAMED, approverUserId: null, approverRole: 'SUPERVISOR' }, 'me')).toBe('anyone with the supervisor role');
  });

  it('says where an escalation went: a named user, or the supervisors; nothing before it escalates', () => {
    expect(escalatedToText(NAMED, 'me')).toBeNull();
    expect(escalatedToText({ ...NAMED, escalatedAt: '2026-12-07T10:00:00Z', escalatedTo: 'me' }, 'me')).toBe('you');
    expect(escalatedToText({ ...NAMED, escalatedAt: '2026-12-07T10:00:00Z' }, 'me')).toBe('the supervisors');
  });
});
