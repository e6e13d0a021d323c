import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Loading } from '../../../ui/Loading';
import { StatusNotice } from '../../../ui/StatusNotice';
import { useReloadAfterSave } from '../use-reload-after-save';
import { CreateUserForm } from './CreateUserForm';
import { EditUserForm } from './EditUserForm';
import { ROLE_LABELS } from './roles';
import { AdminUsersQuery } from './user-operations';

/** Users and their roles: the list, a form to create one, and one to change one. */
export function UsersScreen() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminUsersQuery });
  const [editingId, setEditingId] = useState<string | null>(null);
  const { status, reload } = useReloadAfterSave(refetch);
  const editing = data?.users.find((user) => user.id === editingId);

  return (
    <section className="stack" aria-labelledby="users-title">
      <h1 id="users-title">Users and roles</h1>
      <StatusNotice message={status} />
      {error && <ErrorNotice error={error} />}
      {!data && fetching && <Loading what="Loading users" />}
      {data && (
        <table>
          <caption className="muted">{data.users.length} users</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((user) => (
              <tr key={user.id}>
                <td>{user.displayName}</td>
                <td>{user.email}</td>
                <td>{user.roles.map((role) => ROLE_LABELS[role]).join(', ')}</td>
                <td>{user.active ? <span className="badge badge-ok">Active</span> : <span className="badge">Deactivated</span>}</td>
                <td>
                  <button type="button" className="secondary" aria-label={`Edit ${user.email}`} onClick={() => setEditingId(user.id)}>
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="admin-two-columns">
        <CreateUserForm onCreated={(email) => reload(`Created ${email}.`)} />
        {editing && (
          <EditUserForm
            key={editing.id}
            user={editing}
            onDone={(message) => {
              setEditingId(null);
              if (message) reload(message);
            }}
          />
        )}
      </div>
    </section>
  );
}
