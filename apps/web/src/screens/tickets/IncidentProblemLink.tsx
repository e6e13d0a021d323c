import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { FormField } from '../../ui/FormField';

const OpenProblemsQuery = graphql(`
  query TicketsOpenProblems {
    tickets(filter: { types: [PROBLEM], status: [NEW, OPEN, PENDING, ON_HOLD] }, first: 40) {
      edges {
        node {
          id
          number
          subject
        }
      }
    }
  }
`);

const LinkToProblemMutation = graphql(`
  mutation TicketsLinkIncidentToProblem($input: LinkIncidentToProblemInput!) {
    linkIncidentToProblem(input: $input) {
      id
    }
  }
`);

const UnlinkMutation = graphql(`
  mutation TicketsUnlinkIncidentFromProblem($input: UnlinkIncidentFromProblemInput!) {
    unlinkIncidentFromProblem(input: $input) {
      id
    }
  }
`);

/** Link an incident to any open problem (not only a suggested one), chosen from the 40 newest (the query's cost stays low). */
export function LinkToProblem({ incidentId, onChanged }: { incidentId: string; onChanged(): void }) {
  const [{ data, error }] = useQuery({ query: OpenProblemsQuery });
  const [problemId, setProblemId] = useState('');
  const [linking, link] = useMutation(LinkToProblemMutation);
  const problems = data?.tickets.edges.map((edge) => edge.node) ?? [];

  const submit = async () => {
    const result = await link({ input: { incidentId, problemId } });
    if (!result.error) onChanged();
  };

  return (
    <div className="stack">
      {error && <ErrorNotice error={error} />}
      <div className="row align-end">
        <FormField label="Link to problem">
          <select value={problemId} onChange={(event) => setProblemId(event.target.value)}>
            <option value="">Choose an open problem…</option>
            {problems.map((problem) => (
              <option key={problem.id} value={problem.id}>
                #{problem.number} {problem.subject}
              </option>
            ))}
          </select>
        </FormField>
        <button type="button" className="secondary" disabled={!problemId || linking.fetching} onClick={() => void submit()}>
          Link
        </button>
      </div>
      {linking.error && <ErrorNotice error={linking.error} />}
    </div>
  );
}

/** Unlink an incident from its problem (both timelines note it). */
export function UnlinkFromProblem({ incidentId, onChanged }: { incidentId: string; onChanged(): void }) {
  const [unlinking, unlink] = useMutation(UnlinkMutation);
  const submit = async () => {
    const result = await unlink({ input: { incidentId } });
    if (!result.error) onChanged();
  };
  return (
    <>
      <button type="button" className="secondary" disabled={unlinking.fetching} onClick={() => void submit()}>
        Unlink from this problem
      </button>
      {unlinking.error && <ErrorNotice error={unlinking.error} />}
    </>
  );
}
