import type { MappingProblem } from './run-view';

/** A refused mapping's issues under its text box, each with the line to fix. */
export function MappingIssueList({ issues }: { issues: MappingProblem[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="field-error migrations-issues" aria-label="Mapping issues">
      {issues.map((issue) => (
        <li key={`${issue.line}:${issue.path}:${issue.message}`}>
          Line {issue.line}: {issue.message}
        </li>
      ))}
    </ul>
  );
}
