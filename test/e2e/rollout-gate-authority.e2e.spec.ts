import { dataOf, onlyError } from '../support/graphql-responses.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

// Who decides a rollout's gates, on the real stack: its named lead and admins; another implementation lead is refused
// with nothing changed, neither in the workflow's gates nor in the timeline or the audit log.

const APPROVE = `mutation($r: ID!) { approveRolloutGate(rolloutId: $r) { phaseId passed overrideReason } }`;
const OVERRIDE = `mutation($r: ID!, $reason: String!) { overrideRolloutGate(rolloutId: $r, reason: $reason) { phaseId passed overrideReason } }`;
const STATE = `query($id: ID!) { rollout(id: $id) { currentPhaseId gates { phaseId passed } } }`;
const APPROVE_NAMED = `mutation($r: ID!, $p: ID!) { approveRolloutGate(rolloutId: $r, phaseId: $p) { phaseId passed overrideReason } }`;
const OVERRIDE_NAMED = `mutation($r: ID!, $p: ID!, $reason: String!) { overrideRolloutGate(rolloutId: $r, phaseId: $p, reason: $reason) { phaseId passed overrideReason } }`;

describe("a rollout's gates are decided by its lead or an admin", () => {
  let system: TestSystem;
  let admin: string;
  let lead: string;
  let otherLead: string;
  let rolloutId: string;

  const gateEvents = async () =>
    system.dataSource.query(`SELECT type FROM rollout_events WHERE rollout_id = $1 AND type LIKE 'gate_%' ORDER BY sequence`, [rolloutId]);
  const overridesAudited = async () =>
    Number((await system.dataSource.query(`SELECT count(*) AS n FROM audit_log WHERE entity_type = 'rollout' AND entity_id = $1`, [rolloutId]))[0].n);

  beforeAll(async () => {
    system = await startTestSystem();
    ({ token: admin } = await system.signIn(['admin']));
    const named = await system.signIn(['implementation_lead']);
    lead = named.token;
    ({ token: otherLead } = await system.signIn(['implementation_lead']));
    const people = [{ role: 'lead', userId: named.userId }];
    for (const role of ['admin', 'migration_operator', 'trainer']) people.push({ role, userId: (await system.signIn(['admin'])).userId });
    const input = { name: 'Globex', templateId: 'unified-platform', startDate: new Date().toISOString().slice(0, 10), people };
    ({ id: rolloutId } = dataOf(await system.graphql(`mutation($input: CreateRolloutInput!) { createRollout(input: $input) { id } }`, { input }, lead)).createRollout);
  });
  afterAll(() => system?.stop());

  it('refuses another implementation lead approving or overriding, and changes nothing', async () => {
    const approve = onlyError(await system.graphql(APPROVE, { r: rolloutId }, otherLead));
    const override = onlyError(await system.graphql(OVERRIDE, { r: rolloutId, reason: 'Looks fine to me' }, otherLead));

    for (const error of [approve, override]) {
      expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'Only the lead of the rollout "Globex" or an admin may decide its gates; you are not its lead.' });
    }
    expect(dataOf(await system.graphql(STATE, { id: rolloutId }, lead)).rollout).toEqual({ currentPhaseId: 'requirements', gates: [] });
    expect(await gateEvents()).toEqual([]);
    expect(await overridesAudited()).toBe(0);
  });

  it("lets the rollout's named lead approve and an admin override", async () => {
    const approved = dataOf(await system.graphql(APPROVE, { r: rolloutId }, lead)).approveRolloutGate;
    expect(approved).toMatchObject({ phaseId: 'requirements', overrideReason: null });

    const overridden = dataOf(await system.graphql(OVERRIDE, { r: rolloutId, reason: 'Signed off in the steering meeting' }, admin)).overrideRolloutGate;
    expect(overridden).toEqual({ phaseId: 'requirements', passed: true, overrideReason: 'Signed off in the steering meeting' });
    expect(dataOf(await system.graphql(STATE, { id: rolloutId }, lead)).rollout.currentPhaseId).toBe('platform-setup');
    expect(await overridesAudited()).toBe(1);
  });

  it('answers a repeated decision naming a passed gate with that decision, judging no other gate', async () => {
    // The previous test passed requirements (override); platform setup's gate is current now.
    const repeated = dataOf(await system.graphql(OVERRIDE_NAMED, { r: rolloutId, p: 'requirements', reason: 'Again' }, admin)).overrideRolloutGate;
    expect(repeated).toEqual({ phaseId: 'requirements', passed: true, overrideReason: 'Signed off in the steering meeting' });
    const approvedAgain = dataOf(await system.graphql(APPROVE_NAMED, { r: rolloutId, p: 'requirements' }, lead)).approveRolloutGate;
    expect(approvedAgain).toEqual(repeated);
    // A gate that is neither current nor passed is refused; nothing was judged meanwhile.
    const later = onlyError(await system.graphql(APPROVE_NAMED, { r: rolloutId, p: 'go-live' }, lead));
    expect(later).toMatchObject({ code: 'CONFLICT', message: 'The current gate is the one of "platform-setup", not of "go-live".' });
    const state = dataOf(await system.graphql(STATE, { id: rolloutId }, lead)).rollout;
    expect(state.currentPhaseId).toBe('platform-setup');
    expect(state.gates.filter((gate: { phaseId: string }) => gate.phaseId === 'platform-setup')).toEqual([]);
    expect(await gateEvents()).toEqual([{ type: 'gate_failed' }, { type: 'gate_overridden' }]);
    expect(await overridesAudited()).toBe(1);
    // Naming the current gate judges it as an unnamed call does: platform setup's tasks are open, so it fails.
    const current = dataOf(await system.graphql(APPROVE_NAMED, { r: rolloutId, p: 'platform-setup' }, lead)).approveRolloutGate;
    expect(current).toMatchObject({ phaseId: 'platform-setup', passed: false });
  });
});
