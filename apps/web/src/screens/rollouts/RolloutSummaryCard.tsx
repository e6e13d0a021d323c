import type { RolloutDetail } from './RolloutDetailScreen';
import { describeSlip, formatDay, slipDays } from './timeline-layout';

/** Progress and the go-live at a glance: planned against projected, and how far the plan slipped. */
export function RolloutSummaryCard({ rollout }: { rollout: RolloutDetail }) {
  const slip = slipDays(rollout.plannedGoLive, rollout.projectedGoLive);
  const currentPhase = rollout.phases.find((phase) => phase.id === rollout.currentPhaseId);
  const donePercent = rollout.tasksTotal === 0 ? 0 : Math.round((rollout.tasksDone / rollout.tasksTotal) * 100);
  return (
    <div className="card rollout-summary" aria-label="Rollout summary" role="group">
      <dl>
        <div>
          <dt>Current phase</dt>
          <dd>{currentPhase?.name ?? 'All phases done'}</dd>
        </div>
        <div>
          <dt>Tasks done</dt>
          <dd>
            {rollout.tasksDone} of {rollout.tasksTotal}
            <div className="progress" role="progressbar" aria-label="Tasks done" aria-valuenow={donePercent} aria-valuemin={0} aria-valuemax={100}>
              <span style={{ width: `${donePercent}%` }} />
            </div>
          </dd>
        </div>
        <div>
          <dt>Planned go-live</dt>
          <dd>{formatDay(rollout.plannedGoLive)}</dd>
        </div>
        <div>
          <dt>Projected go-live</dt>
          <dd>
            {formatDay(rollout.projectedGoLive)}{' '}
            <span className={`badge ${slip > 0 ? 'badge-danger' : 'badge-ok'}`}>{describeSlip(slip)}</span>
          </dd>
        </div>
        {rollout.targetGoLive && (
          <div>
            <dt>Target go-live</dt>
            <dd>{formatDay(rollout.targetGoLive)}</dd>
          </div>
        )}
        <div>
          <dt>Needs attention</dt>
          <dd>
            <span className={`badge ${rollout.overdueTasks.length > 0 ? 'badge-danger' : 'badge-ok'}`}>{rollout.overdueTasks.length} overdue</span>{' '}
            <span className={`badge ${rollout.blockedTasks.length > 0 ? 'badge-warn' : 'badge-ok'}`}>{rollout.blockedTasks.length} blocked</span>
          </dd>
        </div>
      </dl>
    </div>
  );
}
