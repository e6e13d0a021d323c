import { NavLink, Navigate, Route, Routes } from 'react-router';
import { EmailTemplatesScreen } from './email/EmailTemplatesScreen';
import { GroupsScreen } from './groups/GroupsScreen';
import { KnowledgeScreen } from './knowledge/KnowledgeScreen';
import { RoutingScreen } from './routing/RoutingScreen';
import { SlaScreen } from './sla/SlaScreen';
import { UsersScreen } from './users/UsersScreen';
import './admin.css';

// Absolute links: in react-router v7 a relative link inside a splat route resolves below the current sub-path.
const ADMIN_PATH = '/app/admin';

/** The admin's sections, in the side list's order; each is a sub-route of /app/admin. */
const SECTIONS = [
  { path: 'users', label: 'Users and roles', element: <UsersScreen /> },
  { path: 'groups', label: 'Groups and agents', element: <GroupsScreen /> },
  { path: 'routing', label: 'Routing rules', element: <RoutingScreen /> },
  { path: 'sla', label: 'SLA calendars and policies', element: <SlaScreen /> },
  { path: 'email', label: 'Email templates', element: <EmailTemplatesScreen /> },
  { path: 'knowledge', label: 'Knowledge articles', element: <KnowledgeScreen /> },
] as const;

/** /app/admin: a side list of the configuration sections (plain links, so Tab and Enter work) and the chosen one. */
export function AdminArea() {
  return (
    <div className="page admin-layout">
      <nav aria-label="Admin sections" className="admin-sections">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.path}>
              <NavLink to={`${ADMIN_PATH}/${section.path}`}>{section.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-content">
        <Routes>
          <Route index element={<Navigate to="users" replace />} />
          {SECTIONS.map((section) => (
            <Route key={section.path} path={`${section.path}/*`} element={section.element} />
          ))}
        </Routes>
      </div>
    </div>
  );
}
