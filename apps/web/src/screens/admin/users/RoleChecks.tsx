import type { Role } from '../../../gql/schema-types';
import { toggled } from '../text-lists';
import { ALL_ROLES, ROLE_LABELS } from './roles';

/** The roles of a user as a group of checkboxes, with the API's message for `roles` beside them. */
export function RoleChecks({ roles, onChange, error }: { roles: Role[]; onChange: (roles: Role[]) => void; error?: string }) {
  return (
    <fieldset>
      <legend>Roles</legend>
      <div className="admin-checks">
        {ALL_ROLES.map((role) => (
          <label key={role} className="inline">
            <input type="checkbox" checked={roles.includes(role)} onChange={(event) => onChange(toggled(roles, role, event.target.checked))} />
            {ROLE_LABELS[role]}
          </label>
        ))}
      </div>
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}
