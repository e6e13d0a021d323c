import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';
import { areasFor } from './navigation';

/** The signed-in frame: the areas this user's roles open, who is signed in, and the current screen. */
export function AppShell() {
  const { user, checkError, signOut } = useSession();
  const location = useLocation();
  if (user === null) return <Navigate to="/app/login" replace state={{ from: location.pathname + location.search }} />;
  if (user === undefined && checkError) {
    // Without this the screen would say "Signing in…" for ever when the API cannot be reached.
    return (
      <section className="page">
        <h1>Cannot sign in</h1>
        <ErrorNotice error={checkError} />
        <button type="button" onClick={signOut}>
          Back to the sign-in page
        </button>
      </section>
    );
  }
  if (user === undefined) return <Loading what="Signing in" />;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Help desk</span>
        <nav aria-label="Console">
          <ul>
            {areasFor(user.roles).map((area) => (
              <li key={area.id}>
                <NavLink to={area.path}>{area.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <span className="whoami">
          {user.displayName}
          <button type="button" className="link-button" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
