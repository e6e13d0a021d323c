import { decisionRefusal, mayDecideApproval, rejectionReply, type ApprovalDeciders } from './approval-rules.js';

const byUser: ApprovalDeciders = { approverUserId: 'u-approver', approverRole: null, escalatedAt: null, escalatedTo: null };
const byRole: ApprovalDeciders = { approverUserId: null, approverRole: 'supervisor', escalatedAt: null, escalatedTo: null };

describe('who may decide an approval', () => {
  it('admits the named approver and nobody else without a role', () => {
    expect(mayDecideApproval(byUser, { id: 'u-approver', roles: ['agent'] })).toBe(true);
    expect(mayDecideApproval(byUser, { id: 'u-other', roles: ['agent'] })).toBe(false);
    expect(mayDecideApproval(byUser, { id: 'u-other', roles: ['supervisor'] })).toBe(false);
  });

  it('admits every holder of the approver role', () => {
    expect(mayDecideApproval(byRole, { id: 'u-any', roles: ['agent', 'supervisor'] })).toBe(true);
    expect(mayDecideApproval(byRole, { id: 'u-any', roles: ['agent'] })).toBe(false);
  });

  it('admits the escalation target only once the approval was escalated to them', () => {
    expect(mayDecideApproval(byUser, { id: 'u-boss', roles: ['agent'] })).toBe(false);
    expect(mayDecideApproval({ ...byUser, escalatedAt: '2026-12-07T10:00:00Z', escalatedTo: 'u-boss' }, { id: 'u-boss', roles: ['agent'] })).toBe(true);
    // Escalated to nobody named: to the supervisors, who could not decide before.
    expect(mayDecideApproval(byUser, { id: 'u-sup', roles: ['supervisor'] })).toBe(false);
    expect(mayDecideApproval({ ...byUser, escalatedAt: '2026-12-07T10:00:00Z' }, { id: 'u-sup', roles: ['supervisor'] })).toBe(true);
    expect(mayDecideApproval({ ...byUser, escalatedAt: '2026-12-07T10:00:00Z' }, { id: 'u-agent', roles: ['agent'] })).toBe(false);
  });

  it('admits an admin always', () => {
    expect(mayDecideApproval(byUser, { id: 'u-admin', roles: ['admin'] })).toBe(true);
    expect(mayDecideApproval(byRole, { id: 'u-admin', roles: ['admin'] })).toBe(true);
  });
});

describe('deciding an approval', () => {
  it('approves a pending approval, with or without a reason', () => {
    expect(decisionRefusal('pending', 'approved', undefined)).toBeNull();
    expect(decisionRefusal('pending', 'approved', 'fine by me')).toBeNull();
  });

  it('rejects a pending approval only with a reason, naming the field', () => {
    expect(decisionRefusal('pending', 'rejected', 'no budget')).toBeNull();
    for (const reason of [undefined, null, '', '   ']) {
      expect(decisionRefusal('pending', 'rejected', reason)).toEqual({
        kind: 'input',
        field: 'reason',
        message: 'reason: say why the request is rejected; its requester is told.',
      });
    }
  });

  it('refuses a second decision as a conflict, whatever it says', () => {
    for (const state of ['approved', 'rejected'] as const) {
      for (const decision of ['approved', 'rejected'] as const) {
        expect(decisionRefusal(state, decision, 'again')).toEqual({ kind: 'conflict', message: `The approval was ${state} already: it is decided once.` });
      }
    }
  });

  it('refuses an overlong reason', () => {
    expect(decisionRefusal('pending', 'approved', 'x'.repeat(2_001))?.field).toBe('reason');
    expect(decisionRefusal('pending', 'approved', 'x'.repeat(2_000))).toBeNull();
  });

  it('tells the requester of a rejection what and why', () => {
    expect(rejectionReply('New laptop', ' No budget this quarter. ')).toBe('Your request for "New laptop" was not approved.\n\nReason: No budget this quarter.');
  });
});
