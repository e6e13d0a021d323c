import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';

const RolloutsPilotIssueMutation = graphql(`
  mutation RolloutsPilotIssue($rolloutId: ID!, $description: String!, $severity: String!) {
    recordPilotIssue(rolloutId: $rolloutId, description: $description, severity: $severity)
  }
`);

const SEVERITIES = ['low', 'medium', 'high'];

/** A problem met during the pilot, with how much it hurts. */
export function PilotIssueForm({ rolloutId, onRecorded }: { rolloutId: string; onRecorded: () => void }) {
  const [{ fetching, error }, record] = useMutation(RolloutsPilotIssueMutation);
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState('medium');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await record({ rolloutId, description: description.trim(), severity });
    if (result.data) {
      setDescription('');
      onRecorded();
    }
  }

  return (
    <form className="stack" onSubmit={submit}>
      <label>
        Issue
        <textarea value={description} onChange={(event) => setDescription(event.target.value)} required />
      </label>
      <label>
        Severity
        <select value={severity} onChange={(event) => setSeverity(event.target.value)}>
          {SEVERITIES.map((level) => (
            <option key={level} value={level}>
              {level}
            </option>
          ))}
        </select>
      </label>
      {error && <ErrorNotice error={error} />}
      <div className="row">
        <button type="submit" disabled={fetching || !description.trim()}>
          Report issue
        </button>
      </div>
    </form>
  );
}
