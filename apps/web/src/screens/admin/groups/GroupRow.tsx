import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { AdminRenameGroupMutation } from './group-operations';

interface GroupSummary {
  id: string;
  name: string;
  isFallback: boolean;
  visibleToAllAgents: boolean;
}

/** One group in the table, renamed in place. */
export function GroupRow({ group, onRenamed }: { group: GroupSummary; onRenamed: (name: string) => void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(group.name);
  const [result, renameGroup] = useMutation(AdminRenameGroupMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await renameGroup({ id: group.id, name });
    if (!answer.data) return;
    setRenaming(false);
    onRenamed(answer.data.renameGroup.name);
  }

  return (
    <tr>
      <td>
        {renaming ? (
          <form className="row" onSubmit={submit}>
            <input required value={name} aria-label={`New name for ${group.name}`} onChange={(event) => setName(event.target.value)} />
            <button type="submit" disabled={result.fetching}>
              Save
            </button>
            <button type="button" className="secondary" onClick={() => setRenaming(false)}>
              Cancel
            </button>
            {result.error && <ErrorNotice error={result.error} />}
          </form>
        ) : (
          group.name
        )}
      </td>
      <td>
        {group.isFallback && <span className="badge badge-info">Fallback</span>} {group.visibleToAllAgents ? 'All agents' : 'Members only'}
      </td>
      <td>
        {!renaming && (
          <button type="button" className="secondary" aria-label={`Rename ${group.name}`} onClick={() => setRenaming(true)}>
            Rename
          </button>
        )}
      </td>
    </tr>
  );
}
