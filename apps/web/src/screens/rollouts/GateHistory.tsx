import { CriteriaTable } from './CriteriaTable';
import type { RolloutDetail } from './RolloutDetailScreen';
import { formatDay } from './timeline-layout';

/** Every gate judgement so far, newest first: passed, failed, or passed by an override with its reason. */
export function GateHistory({ rollout }: { rollout: RolloutDetail }) {
  const phaseName = (phaseId: string) => rollout.phases.find((phase) => phase.id === phaseId)?.name ?? phaseId;
  const gates = [...rollout.gates].reverse();
  return (
    <section className="card stack" aria-labelledby="gates-heading">
      <h2 id="gates-heading">Gates</h2>
      {gates.length === 0 && <p className="muted">No gate judged yet.</p>}
      {gates.map((gate, index) => (
        <article key={`${gate.phaseId}-${gate.at}-${index}`} className="stack gate-record">
          <h3>
            {phaseName(gate.phaseId)}{' '}
            <span className={`badge ${gate.passed ? 'badge-ok' : 'badge-danger'}`}>{gate.passed ? (gate.overrideReason ? 'passed by override' : 'passed') : 'not passed'}</span>{' '}
            <span className="muted">{formatDay(gate.at.slice(0, 10))}</span>
          </h3>
          {gate.overrideReason && <p>Override reason: {gate.overrideReason}</p>}
          {/* The latest judgement in full; earlier ones folded, so a long history stays readable. */}
          <details open={index === 0}>
            <summary>Criteria ({gate.criteria.length})</summary>
            <CriteriaTable criteria={gate.criteria} caption={`${phaseName(gate.phaseId)} gate criteria`} />
          </details>
        </article>
      ))}
    </section>
  );
}
