import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { RolloutsDetailQuery as RolloutsDetailResult } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { CurrentPhasePanel } from './CurrentPhasePanel';
import { GateHistory } from './GateHistory';
import { PilotPanel } from './PilotPanel';
import { ReviewsPanel } from './ReviewsPanel';
import { RolloutGantt } from './RolloutGantt';
import { RolloutSummaryCard } from './RolloutSummaryCard';
import { useRolloutEvents } from './use-rollout-events';

export const RolloutsDetailQuery = graphql(`
  query RolloutsDetail($id: ID!) {
    rollout(id: $id) {
      id
      name
      status
      startDate
      currentPhaseId
      plannedGoLive
      projectedGoLive
      targetGoLive
      tasksDone
      tasksTotal
      overdueTasks
      blockedTasks
      pilotState
      pilotReport
      phases {
        id
        name
        status
        checklist {
          item
          passed
        }
      }
      tasks {
        id
        phaseId
        title
        ownerRole
        plannedStart
        plannedEnd
        projectedStart
        projectedEnd
        completedOn
        done
        overdue
        blocked
      }
      gates {
        phaseId
        passed
        at
        overrideReason
        criteria {
          ...RolloutsCriterionFields
        }
      }
    }
  }
`);

export type RolloutDetail = RolloutsDetailResult['rollout'];

/** One rollout: its summary, the Gantt timeline, the current phase's work and gate, past gates, the pilot and the reviews. */
export function RolloutDetailScreen() {
  const { rolloutId = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: RolloutsDetailQuery, variables: { id: rolloutId } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  useRolloutEvents(rolloutId, refresh);

  if (error && !data) return <section className="page"><h1>Rollout</h1><ErrorNotice error={error} /></section>;
  if (!data) return <section className="page">{fetching && <Loading what="Loading the rollout" />}</section>;
  const rollout = data.rollout;
  return (
    <section className="page stack">
      <header className="page-header">
        <h1>{rollout.name}</h1>
        <span className={`badge ${rollout.status === 'completed' ? 'badge-ok' : 'badge-info'}`}>{rollout.status}</span>
      </header>
      <RolloutSummaryCard rollout={rollout} />
      <RolloutGantt rollout={rollout} />
      <div className="rollout-columns">
        <CurrentPhasePanel rollout={rollout} onChanged={refresh} />
        <GateHistory rollout={rollout} />
      </div>
      <PilotPanel rolloutId={rollout.id} pilotState={rollout.pilotState} pilotReport={rollout.pilotReport} onChanged={refresh} />
      <ReviewsPanel rolloutId={rollout.id} />
    </section>
  );
}
