import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../../../api/errors';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { FormField } from '../../../ui/FormField';
import { AdminCreateGroupMutation } from './group-operations';

/** A new queue; by default every agent sees its tickets. */
export function CreateGroupForm({ onCreated }: { onCreated: (name: string) => void }) {
  const [name, setName] = useState('');
  const [visibleToAllAgents, setVisibleToAllAgents] = useState(true);
  const [result, createGroup] = useMutation(AdminCreateGroupMutation);
  const errors = fieldErrors(result.error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await createGroup({ input: { name, visibleToAllAgents } });
    if (!answer.data) return;
    onCreated(answer.data.createGroup.name);
    setName('');
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-group-title">
      <h2 id="create-group-title">Create a group</h2>
      <FormField label="Group name" error={errors.name}>
        <input required value={name} onChange={(event) => setName(event.target.value)} />
      </FormField>
      <label className="inline">
        <input type="checkbox" checked={visibleToAllAgents} onChange={(event) => setVisibleToAllAgents(event.target.checked)} />
        Every agent sees its tickets (else only its members)
      </label>
      {result.error && <ErrorNotice error={result.error} />}
      <div className="row">
        <button type="submit" disabled={result.fetching}>
          Create group
        </button>
      </div>
    </form>
  );
}
