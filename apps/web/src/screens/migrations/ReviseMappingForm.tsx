import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { mappingIssuesOf } from './mapping-issues';
import { MappingIssueList } from './MappingIssueList';

const MigrationsRunMappingQuery = graphql(`
  query MigrationsRunMapping($id: ID!) {
    migrationRun(id: $id) {
      id
      mapping
    }
  }
`);

const MigrationsReviseMappingMutation = graphql(`
  mutation MigrationsReviseMapping($id: ID!, $mapping: String!) {
    reviseMigrationMapping(id: $id, mapping: $mapping) {
      id
      status
    }
  }
`);

/** Before the phases start: the run's mapping to correct (the preflight's problems name its lines); the run checks and samples again. */
export function ReviseMappingForm({ runId, onRevised }: { runId: string; onRevised(): void }) {
  const [{ data, error, fetching }] = useQuery({ query: MigrationsRunMappingQuery, variables: { id: runId }, requestPolicy: 'network-only' });
  const [mapping, setMapping] = useState<string | null>(null);
  const [revised, revise] = useMutation(MigrationsReviseMappingMutation);
  const current = data?.migrationRun.mapping;
  useEffect(() => {
    if (current !== undefined) setMapping((typed) => typed ?? current);
  }, [current]);
  const issues = mappingIssuesOf(revised.error?.graphQLErrors[0]?.extensions);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (mapping === null) return;
    const result = await revise({ id: runId, mapping });
    if (!result.error) onRevised();
  }

  return (
    <section className="card stack" aria-labelledby="revise-heading">
      <h2 id="revise-heading">Revise the mapping</h2>
      {error && <ErrorNotice error={error} />}
      {mapping === null ? (
        fetching && <Loading what="Loading the mapping" />
      ) : (
        <form className="stack" onSubmit={submit}>
          <label>
            Run mapping (YAML or JSON)
            <textarea className="migrations-mapping" rows={14} spellCheck={false} value={mapping} onChange={(event) => setMapping(event.target.value)} />
          </label>
          <MappingIssueList issues={issues} />
          {revised.error && <ErrorNotice error={revised.error} />}
          <div className="row">
            <button type="submit" disabled={revised.fetching}>
              Check and sample again
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
