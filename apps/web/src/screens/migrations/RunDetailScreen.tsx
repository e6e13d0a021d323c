import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { formatDuration } from '../../lib/durations';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PhaseProgressBars } from './PhaseProgressBars';
import { PreflightPanel } from './PreflightPanel';
import { addSample, ratePerSecond, type ProgressSample } from './progress-rates';
import { RejectsPanel } from './RejectsPanel';
import { ReviseMappingForm } from './ReviseMappingForm';
import { RunControls } from './RunControls';
import { RunStatusBadge } from './RunStatusBadge';
import { humanize, isFinished, phaseBars, readProgress, readReport, type LiveProgress } from './run-view';
import { SamplePanel } from './SamplePanel';
import { useRunProgress } from './use-run-progress';

const MigrationsRunDetailQuery = graphql(`
  query MigrationsRunDetail($id: ID!) {
    migrationRun(id: $id) {
      id
      sourceSystem
      sourceKey
      status
      phase
      waitingReason
      startedAt
      report
      progress
    }
  }
`);

type SamplesByPhase = Partial<Record<string, ProgressSample[]>>;

/**
 * One run: its state and what it waits for, the preflight's findings, the sample to approve, a progress bar per phase
 * (live over the progress subscription) with rate and ETA, the rejects, and the operator's controls.
 */
export function RunDetailScreen() {
  const { runId = '' } = useParams();
  const [{ data, error, fetching }, refetch] = useQuery({ query: MigrationsRunDetailQuery, variables: { id: runId } });
  const run = data?.migrationRun;
  const live = run ? !isFinished(run.status) : false;
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRunProgress(runId, live, reload);

  const progress = readProgress(run?.progress);
  const samples = usePhaseSamples(progress);
  const rates = useMemo(() => Object.fromEntries(Object.entries(samples).map(([phase, list]) => [phase, ratePerSecond(list ?? [])])), [samples]);

  if (!run) {
    return (
      <section className="page stack">
        <h1>Migration run</h1>
        {error ? <ErrorNotice error={error} /> : fetching && <Loading what="Loading the run" />}
        <Link to="..">Back to the runs</Link>
      </section>
    );
  }
  const report = readReport(run.report);
  const { totals } = report;
  const awaitingSample = run.status === 'awaiting_approval' && run.phase === null;
  const mappingRevisable = awaitingSample || run.status === 'needs_mapping';
  return (
    <section className="page stack" aria-labelledby="run-heading">
      <div className="page-header">
        <h1 id="run-heading">
          Run of {run.sourceKey} <span className="muted">({run.sourceSystem})</span>
        </h1>
        <Link to="..">Back to the runs</Link>
      </div>
      <div className="card stack" role="status" aria-live="polite" aria-label="Run state">
        <div className="row">
          <RunStatusBadge status={run.status} />
          {run.phase && <span>Phase: {humanize(run.phase)}</span>}
          {progress && progress.etaSeconds !== null && progress.etaSeconds > 0 && <span className="muted">about {formatDuration(progress.etaSeconds)} left in all</span>}
        </div>
        {run.waitingReason && <p className="migrations-waiting">{run.waitingReason}</p>}
        <p className="muted">
          Read {totals.read} = imported {totals.imported} + updated {totals.updated} + rejected {totals.rejected} + skipped {totals.skipped}
        </p>
        {progress && progress.ticketWorkflowsExpected > 0 && (
          <p className="muted">
            Open tickets’ workflows started: {progress.ticketWorkflowsStarted} of {progress.ticketWorkflowsExpected}
          </p>
        )}
      </div>
      {error && <ErrorNotice error={error} />}
      <RunControls runId={run.id} status={run.status} onChanged={reload} />
      {progress?.preflight && <PreflightPanel preflight={progress.preflight} />}
      {/* Keyed by the waiting reason (a revised mapping samples again: fresh panels), each with a key of its own: two
          siblings under one key confuse React, which then left stale sample panels on the page. */}
      {awaitingSample && <SamplePanel key={`sample:${run.waitingReason}`} runId={run.id} />}
      {mappingRevisable && <ReviseMappingForm key={`mapping:${run.waitingReason}`} runId={run.id} onRevised={reload} />}
      {/* A mapping with problems has counted nothing yet: bars would only say "nothing to import". */}
      {run.status !== 'needs_mapping' && <PhaseProgressBars bars={phaseBars(progress, report, run.status)} rates={rates} />}
      <RejectsPanel runId={run.id} rejected={totals.rejected} byReason={report.rejectsByReason} />
    </section>
  );
}

/** What the screen saw of each phase's count over time (for its rate), one sample per new reading of the progress. */
function usePhaseSamples(progress: LiveProgress | null): SamplesByPhase {
  const [samples, setSamples] = useState<SamplesByPhase>({});
  useEffect(() => {
    if (!progress) return;
    const atMs = Date.now();
    setSamples((previous) =>
      Object.fromEntries(progress.phases.map((phase) => [phase.phase, addSample(previous[phase.phase] ?? [], { atMs, read: phase.counts.read })])),
    );
  }, [progress]);
  return samples;
}
