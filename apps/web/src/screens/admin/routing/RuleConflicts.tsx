interface Ref {
  id: string;
  name: string;
}

interface Props {
  conflicts: {
    shadowed: { rule: Ref; by: Ref; explanation: string }[];
    overlaps: { first: Ref; second: Ref; explanation: string }[];
  };
}

/** Rules that can never win (shadowed by an earlier one) and rules whose tickets overlap, with the API's reasons. */
export function RuleConflicts({ conflicts }: Props) {
  const count = conflicts.shadowed.length + conflicts.overlaps.length;
  return (
    <section className="card" aria-labelledby="rule-conflicts-title">
      <h2 id="rule-conflicts-title">Conflicts</h2>
      {count === 0 ? (
        <p className="muted">No active rule shadows or overlaps another.</p>
      ) : (
        <ul>
          {conflicts.shadowed.map((conflict) => (
            <li key={`shadowed-${conflict.rule.id}-${conflict.by.id}`}>
              <span className="badge badge-danger">Shadowed</span> <strong>{conflict.rule.name}</strong> by <strong>{conflict.by.name}</strong>:{' '}
              {conflict.explanation}
            </li>
          ))}
          {conflicts.overlaps.map((conflict) => (
            <li key={`overlap-${conflict.first.id}-${conflict.second.id}`}>
              <span className="badge badge-warn">Overlap</span> <strong>{conflict.first.name}</strong> and <strong>{conflict.second.name}</strong>:{' '}
              {conflict.explanation}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
