import { useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { isFinished } from './run-view';

const MigrationsApproveRunMutation = graphql(`
  mutation MigrationsApproveRun($id: ID!) {
    approveMigrationRun(id: $id) {
      id
      status
    }
  }
`);
const MigrationsPauseRunMutation = graphql(`
  mutation MigrationsPauseRun($id: ID!) {
    pauseMigrationRun(id: $id) {
      id
      status
    }
  }
`);
const MigrationsResumeRunMutation = graphql(`
  mutation MigrationsResumeRun($id: ID!) {
    resumeMigrationRun(id: $id) {
      id
      status
    }
  }
`);
const MigrationsCancelRunMutation = graphql(`
  mutation MigrationsCancelRun($id: ID!) {
    cancelMigrationRun(id: $id) {
      id
      status
    }
  }
`);
const MigrationsRollbackRunMutation = graphql(`
  mutation MigrationsRollbackRun($id: ID!) {
    rollbackMigrationRun(id: $id) {
      id
      status
    }
  }
`);

type Step = 'pause' | 'resume' | 'cancel' | 'rollback';
type RunMutation = (variables: { id: string }) => Promise<{ error?: CombinedError }>;

const QUESTIONS: Record<Step, { buttonLabel: string; title: string; consequence: string; confirmLabel: string; danger?: boolean }> = {
  pause: { buttonLabel: 'Pause', title: 'Pause the run?', consequence: 'The run stops after the batch in flight and waits until you resume it.', confirmLabel: 'Pause now' },
  resume: { buttonLabel: 'Resume', title: 'Resume the run?', consequence: 'The run goes on with the next batch where it stopped.', confirmLabel: 'Resume now' },
  cancel: {
    buttonLabel: 'Cancel',
    title: 'Cancel the run?',
    consequence: 'The run stops after the batch in flight and cannot be resumed. What it imported stays until you roll it back.',
    confirmLabel: 'Cancel the run',
    danger: true,
  },
  rollback: {
    buttonLabel: 'Roll back',
    title: 'Roll the run back?',
    consequence: 'Every organization, customer, ticket, message and article this run inserted is removed, and the open tickets’ workflows end.',
    confirmLabel: 'Roll back',
    danger: true,
  },
};

/** What the operator may do to the run in its state: approve, pause, resume, cancel, roll back (each but approve asked first). */
export function RunControls({ runId, status, onChanged }: { runId: string; status: string; onChanged(): void }) {
  const [asking, setAsking] = useState<Step | null>(null);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [approveState, approve] = useMutation(MigrationsApproveRunMutation);
  const [, pause] = useMutation(MigrationsPauseRunMutation);
  const [, resume] = useMutation(MigrationsResumeRunMutation);
  const [, cancel] = useMutation(MigrationsCancelRunMutation);
  const [, rollback] = useMutation(MigrationsRollbackRunMutation);
  const steps: Record<Step, RunMutation> = { pause, resume, cancel, rollback };

  async function run(action: RunMutation) {
    setFailure(null);
    const result = await action({ id: runId });
    if (result.error) setFailure(result.error);
    onChanged();
  }

  const offered: Step[] = [];
  if (status === 'running') offered.push('pause');
  if (status === 'paused') offered.push('resume');
  if (!isFinished(status)) offered.push('cancel');
  if (['completed', 'cancelled', 'failed'].includes(status)) offered.push('rollback');

  return (
    <div className="stack">
      <div className="row" role="group" aria-label="Run controls">
        {status === 'awaiting_approval' && (
          <button type="button" disabled={approveState.fetching} onClick={() => run(approve)}>
            Approve
          </button>
        )}
        {offered.map((step) => (
          <button key={step} type="button" className={QUESTIONS[step].danger ? 'danger' : 'secondary'} onClick={() => setAsking(step)}>
            {QUESTIONS[step].buttonLabel}
          </button>
        ))}
      </div>
      {failure && <ErrorNotice error={failure} />}
      {asking && (
        <ConfirmDialog
          title={QUESTIONS[asking].title}
          consequence={QUESTIONS[asking].consequence}
          confirmLabel={QUESTIONS[asking].confirmLabel}
          cancelLabel="Keep the run as it is"
          danger={QUESTIONS[asking].danger}
          onClose={() => setAsking(null)}
          onConfirm={() => {
            const step = steps[asking];
            setAsking(null);
            void run(step);
          }}
        />
      )}
    </div>
  );
}
