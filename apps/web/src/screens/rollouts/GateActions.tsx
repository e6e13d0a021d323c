import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { StatusNotice } from '../../ui/StatusNotice';
import { CriteriaTable } from './CriteriaTable';

const RolloutsApproveGateMutation = graphql(`
  mutation RolloutsApproveGate($rolloutId: ID!, $phaseId: ID!) {
    approveRolloutGate(rolloutId: $rolloutId, phaseId: $phaseId) {
      phaseId
      passed
      criteria {
        ...RolloutsCriterionFields
      }
    }
  }
`);

const RolloutsOverrideGateMutation = graphql(`
  mutation RolloutsOverrideGate($rolloutId: ID!, $phaseId: ID!, $reason: String!) {
    overrideRolloutGate(rolloutId: $rolloutId, phaseId: $phaseId, reason: $reason) {
      phaseId
      passed
    }
  }
`);

/**
 * Passing the current phase's gate: the API measures its exit criteria and passes it when none failed; when one did,
 * the lead sees which and by how much, and may pass it anyway with a reason (audited).
 */
export function GateActions({ rolloutId, phaseId, phaseName, onJudged }: { rolloutId: string; phaseId: string; phaseName: string; onJudged: () => void }) {
  const [approval, approve] = useMutation(RolloutsApproveGateMutation);
  const [override, overrideGate] = useMutation(RolloutsOverrideGateMutation);
  const [reason, setReason] = useState('');
  const [passedPhase, setPassedPhase] = useState<string | null>(null);
  const failed = approval.data && !approval.data.approveRolloutGate.passed ? approval.data.approveRolloutGate : null;

  async function pass() {
    setPassedPhase(null);
    const result = await approve({ rolloutId, phaseId });
    if (result.data?.approveRolloutGate.passed) setPassedPhase(phaseName);
    if (result.data) onJudged();
  }
  async function submitOverride(event: FormEvent) {
    event.preventDefault();
    const result = await overrideGate({ rolloutId, phaseId, reason: reason.trim() });
    if (result.data) {
      setPassedPhase(phaseName);
      setReason('');
      onJudged();
    }
  }

  return (
    <div className="stack gate-actions">
      <h3>Gate</h3>
      <StatusNotice message={passedPhase && `The ${passedPhase} gate is passed.`} />
      <div className="row">
        <button type="button" onClick={pass} disabled={approval.fetching}>
          {approval.fetching ? 'Measuring…' : `Pass the ${phaseName} gate`}
        </button>
      </div>
      {approval.error && <ErrorNotice error={approval.error} />}
      {failed && !passedPhase && (
        <div className="stack">
          <p className="notice notice-error" role="alert">
            The gate is not passed: a measured criterion failed.
          </p>
          <CriteriaTable criteria={failed.criteria} caption={`${phaseName} gate as just measured`} />
          <form className="stack" onSubmit={submitOverride}>
            <label>
              Reason to pass the gate anyway
              <textarea value={reason} onChange={(event) => setReason(event.target.value)} required />
            </label>
            <div className="row">
              <button type="submit" className="danger" disabled={override.fetching || !reason.trim()}>
                Override the gate
              </button>
            </div>
          </form>
          {override.error && <ErrorNotice error={override.error} />}
        </div>
      )}
    </div>
  );
}
