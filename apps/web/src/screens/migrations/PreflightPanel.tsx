import { humanize, MIGRATION_PHASES, type LiveProgress, type MappingProblem } from './run-view';

/** What the preflight found: records per phase, mapping problems and unmapped source values with their lines. */
export function PreflightPanel({ preflight }: { preflight: NonNullable<LiveProgress['preflight']> }) {
  const expectedRejects = Object.entries(preflight.expectedRejects).filter(([, count]) => count > 0);
  return (
    <section className="card stack" aria-labelledby="preflight-heading">
      <h2 id="preflight-heading">Preflight</h2>
      <p>
        Records by phase:{' '}
        {MIGRATION_PHASES.filter((phase) => preflight.recordsByPhase[phase])
          .map((phase) => `${humanize(phase)} ${preflight.recordsByPhase[phase]}`)
          .join(' · ') || (preflight.issues.length > 0 ? 'counted once the problems below are fixed' : 'none')}
      </p>
      <ProblemList title="Problems to fix before the run goes on" problems={preflight.issues} empty="No mapping problems." />
      <ProblemList
        title="Source values no value map covers (their records would be rejected)"
        problems={preflight.unmappedValues}
        empty="Every source value is mapped."
      />
      {expectedRejects.length > 0 && (
        <p>Expected rejects: {expectedRejects.map(([reason, count]) => `${humanize(reason)} ${count}`).join(' · ')}</p>
      )}
    </section>
  );
}

function ProblemList({ title, problems, empty }: { title: string; problems: MappingProblem[]; empty: string }) {
  return (
    <div>
      <h3>{title}</h3>
      {problems.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="migrations-problems">
          {problems.map((problem) => (
            <li key={`${problem.line}:${problem.path}:${problem.message}`}>
              <span className="badge badge-warn">line {problem.line}</span> {problem.message} <code>{problem.path}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
