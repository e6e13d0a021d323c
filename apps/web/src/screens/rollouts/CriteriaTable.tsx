import { graphql } from '../../gql';

/** What the table shows of a judged criterion: gates, as the detail screen reads them and as a pass attempt returns them. */
export const RolloutsCriterionFieldsFragment = graphql(`
  fragment RolloutsCriterionFields on CriterionResult {
    criterion
    status
    actual
    target
    shortBy
    detail
  }
`);

/** A judged criterion, as gates and the pilot report both give it. */
interface Criterion {
  criterion: string;
  status: string;
  actual?: number | null;
  target?: number | null;
  shortBy?: number | null;
  detail: string;
}

const STATUS_BADGES: Record<string, string> = { passed: 'badge-ok', failed: 'badge-danger', not_measurable: 'badge-info' };

/** A gate's exit criteria as judged: what was measured, against what target, and the gap when it failed. */
export function CriteriaTable({ criteria, caption }: { criteria: readonly Criterion[]; caption: string }) {
  if (criteria.length === 0) return <p className="muted">No criteria to measure: the lead's approval decides.</p>;
  return (
    <table className="rollout-table" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col">Result</th>
          <th scope="col">Measured</th>
          <th scope="col">Target</th>
          <th scope="col">Gap</th>
        </tr>
      </thead>
      <tbody>
        {criteria.map((criterion) => (
          <tr key={criterion.criterion}>
            <th scope="row">
              {criterion.criterion}
              <div className="muted criteria-detail">{criterion.detail}</div>
            </th>
            <td>
              <span className={`badge ${STATUS_BADGES[criterion.status] ?? ''}`}>{criterion.status.replace('_', ' ')}</span>
            </td>
            <td>{formatMeasure(criterion.actual)}</td>
            <td>{formatMeasure(criterion.target)}</td>
            <td>{criterion.shortBy ? `short by ${formatMeasure(criterion.shortBy)}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function formatMeasure(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return String(Math.round(value * 100) / 100);
}
