import type { ReactNode } from 'react';
import { mayOpen, type ConsoleArea } from '../layout/navigation';
import { useSession } from './session';

/** Shows an area only to the roles it is offered to; others get a plain refusal (the API refuses them too). */
export function RequireRole({ area, children }: { area: ConsoleArea['id']; children: ReactNode }) {
  const { user } = useSession();
  if (!user || !mayOpen(area, user.roles)) {
    return (
      <section className="page" aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">Not available</h1>
        <p role="alert">Your roles do not include this screen. Ask an admin if you need it.</p>
      </section>
    );
  }
  return <>{children}</>;
}
