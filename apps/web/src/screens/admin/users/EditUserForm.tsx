import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../../../api/errors';
import type { Role } from '../../../gql/schema-types';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { FormField } from '../../../ui/FormField';
import { RoleChecks } from './RoleChecks';
import { AdminUpdateUserMutation } from './user-operations';

interface EditableUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  active: boolean;
}

/** Changes one user's name, roles or active flag (the API refuses to leave no active admin, and says so). */
export function EditUserForm({ user, onDone }: { user: EditableUser; onDone: (message?: string) => void }) {
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [active, setActive] = useState(user.active);
  const [result, updateUser] = useMutation(AdminUpdateUserMutation);
  const errors = fieldErrors(result.error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await updateUser({ id: user.id, input: { displayName, roles, active } });
    if (answer.data) onDone(`Saved ${user.email}.`);
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="edit-user-title">
      <h2 id="edit-user-title">Edit {user.email}</h2>
      <FormField label="Display name" error={errors.displayName}>
        <input required value={displayName} onChange={(event) => setDisplayName(event.target.value)} />
      </FormField>
      <RoleChecks roles={roles} onChange={setRoles} error={errors.roles} />
      <label className="inline">
        <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
        Active (a deactivated user cannot sign in, and is signed out at once)
      </label>
      {result.error && <ErrorNotice error={result.error} />}
      <div className="row">
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Saving…' : 'Save user'}
        </button>
        <button type="button" className="secondary" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
