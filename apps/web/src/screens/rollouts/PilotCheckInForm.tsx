import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';

const RolloutsPilotCheckInMutation = graphql(`
  mutation RolloutsPilotCheckIn($rolloutId: ID!, $note: String!) {
    recordPilotCheckIn(rolloutId: $rolloutId, note: $note)
  }
`);

/** The lead's daily note on how the pilot goes. */
export function PilotCheckInForm({ rolloutId, onRecorded }: { rolloutId: string; onRecorded: () => void }) {
  const [{ fetching, error }, record] = useMutation(RolloutsPilotCheckInMutation);
  const [note, setNote] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await record({ rolloutId, note: note.trim() });
    if (result.data) {
      setNote('');
      onRecorded();
    }
  }

  return (
    <form className="stack" onSubmit={submit}>
      <label>
        Check-in note
        <textarea value={note} onChange={(event) => setNote(event.target.value)} required />
      </label>
      {error && <ErrorNotice error={error} />}
      <div className="row">
        <button type="submit" disabled={fetching || !note.trim()}>
          Record check-in
        </button>
      </div>
    </form>
  );
}
