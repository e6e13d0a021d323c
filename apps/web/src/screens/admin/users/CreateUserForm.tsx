import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../../../api/errors';
import type { Role } from '../../../gql/schema-types';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { FormField } from '../../../ui/FormField';
import { RoleChecks } from './RoleChecks';
import { AdminCreateUserMutation } from './user-operations';

/** A new user: email, name, a first password the admin hands over, and roles. */
export function CreateUserForm({ onCreated }: { onCreated: (email: string) => void }) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['AGENT']);
  const [result, createUser] = useMutation(AdminCreateUserMutation);
  const errors = fieldErrors(result.error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await createUser({ input: { email, displayName, password, roles } });
    if (!answer.data) return;
    onCreated(answer.data.createUser.email);
    setEmail('');
    setDisplayName('');
    setPassword('');
    setRoles(['AGENT']);
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-user-title">
      <h2 id="create-user-title">Create a user</h2>
      <FormField label="Email" error={errors.email}>
        <input type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
      </FormField>
      <FormField label="Display name" error={errors.displayName}>
        <input required value={displayName} onChange={(event) => setDisplayName(event.target.value)} />
      </FormField>
      <FormField label="First password (at least 12 characters)" error={errors.password}>
        <input type="password" autoComplete="new-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
      </FormField>
      <RoleChecks roles={roles} onChange={setRoles} error={errors.roles} />
      {result.error && <ErrorNotice error={result.error} />}
      <div className="row">
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Creating…' : 'Create user'}
        </button>
      </div>
    </form>
  );
}
