import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { sampleFields } from './sample-fields';

const MigrationsRunSampleQuery = graphql(`
  query MigrationsRunSample($id: ID!) {
    migrationRun(id: $id) {
      id
      sample {
        recordType
        sourceId
        line
        source
        target
        rejectReason
        rejectDetail
      }
    }
  }
`);

/** The sample run's records, each source record beside what the mapping made of it (or why it would be rejected). */
export function SamplePanel({ runId }: { runId: string }) {
  const [{ data, error, fetching }] = useQuery({ query: MigrationsRunSampleQuery, variables: { id: runId }, requestPolicy: 'network-only' });
  const records = data?.migrationRun.sample ?? [];
  return (
    <section className="card stack" aria-labelledby="sample-heading">
      <h2 id="sample-heading">Sample</h2>
      {error && <ErrorNotice error={error} />}
      {!data && fetching && <Loading what="Loading the sample" />}
      {data && records.length === 0 && <p className="muted">The run has no sample (it was started with a sample size of 0).</p>}
      {records.length > 0 && (
        <div className="migrations-sample" tabIndex={0} role="region" aria-label="Sample records, source beside result">
          <table>
            <thead>
              <tr>
                <th scope="col">Record</th>
                <th scope="col">Source</th>
                <th scope="col">Mapped result</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={`${record.recordType}:${record.sourceId}:${record.line}`}>
                  <td>
                    <strong>{record.recordType}</strong> {record.sourceId}
                    <div className="muted">line {record.line}</div>
                  </td>
                  <td>
                    <FieldList fields={sampleFields(record.source)} />
                  </td>
                  <td>
                    {record.rejectReason ? (
                      <p className="field-error">
                        Rejected ({record.rejectReason}): {record.rejectDetail}
                      </p>
                    ) : (
                      <FieldList fields={sampleFields(record.target)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function FieldList({ fields }: { fields: Array<[string, string]> }) {
  return (
    <dl className="migrations-fields">
      {fields.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
