import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { CreateRolloutForm } from './CreateRolloutForm';
import { formatDay } from './timeline-layout';

const RolloutsListQuery = graphql(`
  query RolloutsList {
    rollouts {
      id
      name
      startDate
      templateId
    }
  }
`);

/** Every rollout, newest first, each opening its timeline; and a form to start a new one from a template. */
export function RolloutListScreen() {
  const [{ data, fetching, error }] = useQuery({ query: RolloutsListQuery });
  return (
    <section className="page stack">
      <header className="page-header">
        <h1>Rollouts</h1>
      </header>
      {error && <ErrorNotice error={error} />}
      {fetching && !data && <Loading what="Loading rollouts" />}
      {data && data.rollouts.length === 0 && <p className="muted">No rollout yet. Start one from a plan template below.</p>}
      {data && data.rollouts.length > 0 && (
        <table aria-label="Rollouts, newest first">
          <thead>
            <tr>
              <th scope="col">Rollout</th>
              <th scope="col">Template</th>
              <th scope="col">Start</th>
            </tr>
          </thead>
          <tbody>
            {data.rollouts.map((rollout) => (
              <tr key={rollout.id}>
                <td>
                  <Link to={rollout.id}>{rollout.name}</Link>
                </td>
                <td>{rollout.templateId}</td>
                <td>{formatDay(rollout.startDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateRolloutForm />
    </section>
  );
}
