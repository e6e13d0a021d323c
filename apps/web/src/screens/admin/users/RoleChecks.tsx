import type { Role } from '../../../gql/schema-types';
import { CheckboxGroup } from '../CheckboxGroup';
import { ALL_ROLES, ROLE_LABELS } from './roles';

/** The roles of a user as a group of checkboxes, with the API's message for `roles` beside them. */
export function RoleChecks({ roles, onChange, error }: { roles: Role[]; onChange: (roles: Role[]) => void; error?: string }) {
  return <CheckboxGroup legend="Roles" options={ALL_ROLES} chosen={roles} label={(role) => ROLE_LABELS[role]} onChange={onChange} error={error} />;
}
