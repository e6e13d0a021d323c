import { Navigate, Route, Routes } from 'react-router';
import { LoginScreen } from './auth/LoginScreen';
import { RequireRole } from './auth/RequireRole';
import { useSession } from './auth/session';
import { AppShell } from './layout/AppShell';
import { homePathFor } from './layout/navigation';
import { PortalArea } from './portal/PortalArea';
import { AdminArea } from './screens/admin/AdminArea';
import { BoardArea } from './screens/board/BoardArea';
import { MigrationsArea } from './screens/migrations/MigrationsArea';
import { RolloutsArea } from './screens/rollouts/RolloutsArea';
import { TicketsArea } from './screens/tickets/TicketsArea';

/** The console under /app (signed in, one area per role) and the customer portal under /portal (no login). */
export function App() {
  return (
    <Routes>
      <Route path="/app/login" element={<LoginScreen />} />
      <Route path="/app" element={<AppShell />}>
        <Route index element={<HomeRedirect />} />
        <Route path="tickets/*" element={<RequireRole area="tickets"><TicketsArea /></RequireRole>} />
        <Route path="board/*" element={<RequireRole area="board"><BoardArea /></RequireRole>} />
        <Route path="rollouts/*" element={<RequireRole area="rollouts"><RolloutsArea /></RequireRole>} />
        <Route path="migrations/*" element={<RequireRole area="migrations"><MigrationsArea /></RequireRole>} />
        <Route path="admin/*" element={<RequireRole area="admin"><AdminArea /></RequireRole>} />
        <Route path="*" element={<NotFound />} />
      </Route>
      <Route path="/portal/*" element={<PortalArea />} />
      <Route path="*" element={<Navigate to="/app/" replace />} />
    </Routes>
  );
}

function HomeRedirect() {
  const { user } = useSession();
  const home = user && homePathFor(user.roles);
  if (home) return <Navigate to={home} replace />;
  return (
    <section className="page">
      <h1>Welcome</h1>
      <p>Your account has no role with a screen here yet. Ask an admin to give you one.</p>
    </section>
  );
}

function NotFound() {
  return (
    <section className="page">
      <h1>Not found</h1>
      <p>There is no such screen.</p>
    </section>
  );
}
