import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { formatWhen } from '../../lib/format-when';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { humanize, readReport } from './run-view';
import { RunStatusBadge } from './RunStatusBadge';

const MigrationsRunListQuery = graphql(`
  query MigrationsRunList {
    migrationRuns(first: 25) {
      id
      sourceSystem
      sourceKey
      status
      phase
      report
      startedAt
    }
  }
`);

/** The latest runs, newest first, with their state and counts; "New run" starts another. */
export function RunListScreen() {
  const [{ data, error, fetching }] = useQuery({ query: MigrationsRunListQuery });
  const runs = data?.migrationRuns ?? [];
  return (
    <section className="page stack" aria-labelledby="runs-heading">
      <div className="page-header">
        <h1 id="runs-heading">Migration runs</h1>
        <Link className="migrations-button-link" to="new">
          New run
        </Link>
      </div>
      {error && <ErrorNotice error={error} />}
      {!data && fetching && <Loading what="Loading the runs" />}
      {data && runs.length === 0 && (
        <p className="card muted">No migration runs yet. Start one with “New run”: upload the old help desk’s export and a mapping.</p>
      )}
      {runs.length > 0 && (
        <div className="migrations-table-scroll">
          <table>
            <caption className="migrations-sr-only">Migration runs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Status</th>
                <th scope="col">Phase</th>
                <th scope="col" className="numeric">Read</th>
                <th scope="col" className="numeric">Imported</th>
                <th scope="col" className="numeric">Updated</th>
                <th scope="col" className="numeric">Rejected</th>
                <th scope="col" className="numeric">Skipped</th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => {
                const { totals } = readReport(run.report);
                return (
                  <tr key={run.id}>
                    <td>
                      <Link to={run.id}>{run.sourceKey}</Link>
                      <div className="muted">{run.sourceSystem}</div>
                    </td>
                    <td>
                      <RunStatusBadge status={run.status} />
                    </td>
                    <td>{run.phase ? humanize(run.phase) : '—'}</td>
                    <td className="numeric">{totals.read}</td>
                    <td className="numeric">{totals.imported}</td>
                    <td className="numeric">{totals.updated}</td>
                    <td className="numeric">{totals.rejected}</td>
                    <td className="numeric">{totals.skipped}</td>
                    <td>{formatWhen(run.startedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
