import { useEffect } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { humanize } from './run-view';

const MigrationsRunRejectsQuery = graphql(`
  query MigrationsRunRejects($id: ID!) {
    migrationRun(id: $id) {
      id
      rejects(first: 25) {
        phase
        recordType
        sourceId
        line
        reason
        detail
      }
    }
  }
`);

/** The records the run could not import, with why (the first 25, and the count per reason once the run is over). */
export function RejectsPanel({ runId, rejected, byReason }: { runId: string; rejected: number; byReason?: Record<string, number> }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: MigrationsRunRejectsQuery, variables: { id: runId } });
  // Fetched again when the run's reject count changes, not on every progress event.
  useEffect(() => {
    if (rejected > 0) refetch({ requestPolicy: 'network-only' });
  }, [rejected, refetch]);
  const rejects = data?.migrationRun.rejects ?? [];
  return (
    <section className="card stack" aria-labelledby="rejects-heading">
      <h2 id="rejects-heading">Rejects ({rejected})</h2>
      {byReason && Object.keys(byReason).length > 0 && (
        <p>{Object.entries(byReason).map(([reason, count]) => `${humanize(reason)} ${count}`).join(' · ')}</p>
      )}
      {error && <ErrorNotice error={error} />}
      {!data && fetching && <Loading what="Loading the rejects" />}
      {data && rejects.length === 0 && <p className="muted">No rejects: every record read so far was imported, updated or skipped.</p>}
      {rejects.length > 0 && (
        <div className="migrations-table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Record</th>
                <th scope="col">Phase</th>
                <th scope="col">Reason</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {rejects.map((reject) => (
                <tr key={`${reject.recordType}:${reject.sourceId}:${reject.line}:${reject.reason}`}>
                  <td>{reject.line}</td>
                  <td>
                    {reject.recordType} {reject.sourceId}
                  </td>
                  <td>{humanize(reject.phase)}</td>
                  <td>
                    <span className="badge badge-danger">{humanize(reject.reason)}</span>
                  </td>
                  <td>{reject.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rejected > rejects.length && <p className="muted">The first {rejects.length} of {rejected} rejects; the command-line report (npm run migrate -- report) lists them all.</p>}
        </div>
      )}
    </section>
  );
}
