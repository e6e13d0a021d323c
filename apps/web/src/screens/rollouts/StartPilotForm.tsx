import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../../api/errors';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';

const RolloutsStartPilotMutation = graphql(`
  mutation RolloutsStartPilot($rolloutId: ID!, $input: StartPilotInput!) {
    startRolloutPilot(rolloutId: $rolloutId, input: $input) {
      id
      pilotState
    }
  }
`);

/** Starts the pilot for a duration with the template's default success targets (the API refuses it outside the pilot phase). */
export function StartPilotForm({ rolloutId, onStarted }: { rolloutId: string; onStarted: () => void }) {
  const [{ fetching, error }, start] = useMutation(RolloutsStartPilotMutation);
  const [durationDays, setDurationDays] = useState(14);
  const fields = fieldErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await start({ rolloutId, input: { durationDays } });
    if (result.data) onStarted();
  }

  return (
    <form className="row pilot-start" onSubmit={submit}>
      <p className="muted">Not started: the pilot runs in the pilot phase, on a scope of real tickets, for 7 to 28 days.</p>
      <label>
        Duration (days)
        <input type="number" min={7} max={28} value={durationDays} onChange={(event) => setDurationDays(Number(event.target.value))} required />
        {fields.durationDays && <span className="field-error">{fields.durationDays}</span>}
      </label>
      <button type="submit" className="secondary" disabled={fetching}>
        Start the pilot
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
