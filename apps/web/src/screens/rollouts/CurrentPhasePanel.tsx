import { useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { GateActions } from './GateActions';
import type { RolloutDetail } from './RolloutDetailScreen';
import { formatDay, taskState } from './timeline-layout';

const RolloutsCompleteTaskMutation = graphql(`
  mutation RolloutsCompleteTask($rolloutId: ID!, $taskId: String!) {
    completeRolloutTask(rolloutId: $rolloutId, taskId: $taskId) {
      id
      tasksDone
    }
  }
`);

const RolloutsCheckItemMutation = graphql(`
  mutation RolloutsCheckItem($rolloutId: ID!, $phaseId: String!, $item: String!, $passed: Boolean!) {
    checkRolloutChecklistItem(rolloutId: $rolloutId, phaseId: $phaseId, item: $item, passed: $passed) {
      id
    }
  }
`);

/** The work of the phase in progress: its tasks to complete, its checklist, and its gate. */
export function CurrentPhasePanel({ rollout, onChanged }: { rollout: RolloutDetail; onChanged: () => void }) {
  const [completion, completeTask] = useMutation(RolloutsCompleteTaskMutation);
  const [checking, checkItem] = useMutation(RolloutsCheckItemMutation);
  const phase = rollout.phases.find((candidate) => candidate.id === rollout.currentPhaseId);
  // A ticked box shows at once; the reloaded rollout then confirms it (or the error says why not).
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const checklist = phase?.checklist;
  useEffect(() => setTicked({}), [checklist]);
  if (!phase) {
    return (
      <section className="card" aria-labelledby="current-phase-heading">
        <h2 id="current-phase-heading">Current phase</h2>
        <p className="muted">Every phase is done.</p>
      </section>
    );
  }
  const phaseId = phase.id;
  const tasks = rollout.tasks.filter((task) => task.phaseId === phaseId);

  async function complete(taskId: string) {
    const result = await completeTask({ rolloutId: rollout.id, taskId });
    if (!result.error) onChanged();
  }
  async function check(item: string, passed: boolean) {
    setTicked((current) => ({ ...current, [item]: passed }));
    const result = await checkItem({ rolloutId: rollout.id, phaseId, item, passed });
    if (result.error) setTicked((current) => ({ ...current, [item]: !passed }));
    else onChanged();
  }

  return (
    <section className="card stack" aria-labelledby="current-phase-heading">
      <h2 id="current-phase-heading">Current phase: {phase.name}</h2>
      <h3>Tasks</h3>
      {tasks.length === 0 && <p className="muted">This phase has no tasks.</p>}
      {tasks.length > 0 && (
        <ul className="task-list">
          {tasks.map((task) => (
            <li key={task.id} className="row">
              <span className="task-title">{task.title}</span>
              <span className="muted">
                {task.ownerRole.replace(/_/g, ' ')} · due {formatDay(task.projectedEnd)}
              </span>
              {task.done ? (
                <span className="badge badge-ok">done {task.completedOn ? formatDay(task.completedOn) : ''}</span>
              ) : (
                <>
                  {taskState(task) !== 'on-track' && <span className={`badge ${task.overdue ? 'badge-danger' : 'badge-warn'}`}>{taskState(task)}</span>}
                  <button type="button" className="secondary" onClick={() => complete(task.id)} disabled={completion.fetching} aria-label={`Complete ${task.title}`}>
                    Complete
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {completion.error && <ErrorNotice error={completion.error} />}
      {phase.checklist.length > 0 && (
        <fieldset className="stack rollout-fieldset">
          <legend>Checklist</legend>
          {phase.checklist.map((entry) => (
            <label key={entry.item} className="inline">
              <input type="checkbox" checked={ticked[entry.item] ?? entry.passed} disabled={checking.fetching} onChange={(event) => check(entry.item, event.target.checked)} />
              {entry.item}
            </label>
          ))}
        </fieldset>
      )}
      {checking.error && <ErrorNotice error={checking.error} />}
      <GateActions rolloutId={rollout.id} phaseId={phase.id} phaseName={phase.name} onJudged={onChanged} />
    </section>
  );
}
