import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { CriteriaTable } from './CriteriaTable';
import { PilotCheckInForm } from './PilotCheckInForm';
import { PilotIssueForm } from './PilotIssueForm';
import { StartPilotForm } from './StartPilotForm';
import { readPilot, type PilotEntry, type PilotView } from './pilot-view';
import { formatDay } from './timeline-layout';

const RolloutsPilotQuery = graphql(`
  query RolloutsPilot($rolloutId: ID!) {
    rolloutPilot(rolloutId: $rolloutId)
  }
`);

const SEVERITY_BADGES: Record<string, string> = { high: 'badge-danger', medium: 'badge-warn', low: 'badge-info' };

interface PilotPanelProps {
  rolloutId: string;
  /** not_started | running | ended */
  pilotState: string;
  pilotReport: unknown;
  onChanged: () => void;
}

/** The pilot: started in the pilot phase; while it runs, its check-ins, issues and confidence; once ended, its verdict. */
export function PilotPanel({ rolloutId, pilotState, pilotReport, onChanged }: PilotPanelProps) {
  return (
    <section className="card stack" aria-labelledby="pilot-heading">
      <h2 id="pilot-heading">
        Pilot <span className={`badge ${pilotState === 'running' ? 'badge-info' : pilotState === 'ended' ? 'badge-ok' : ''}`}>{pilotState.replace('_', ' ')}</span>
      </h2>
      {pilotState === 'not_started' && <StartPilotForm rolloutId={rolloutId} onStarted={onChanged} />}
      {pilotState === 'running' && <RunningPilot rolloutId={rolloutId} />}
      {pilotState === 'ended' && <EndedPilot view={readPilot(pilotReport)} />}
    </section>
  );
}

function RunningPilot({ rolloutId }: { rolloutId: string }) {
  const [{ data, error }, refetch] = useQuery({ query: RolloutsPilotQuery, variables: { rolloutId } });
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading what="Loading the pilot" />;
  const view = readPilot(data.rolloutPilot);
  const recorded = () => refetch({ requestPolicy: 'network-only' });
  return (
    <div className="stack">
      <PilotWindow view={view} />
      <div className="grid">
        <div className="stack">
          <PilotEntries title="Check-ins" entries={view.checkIns} empty="No check-in yet." />
          <PilotCheckInForm rolloutId={rolloutId} onRecorded={recorded} />
        </div>
        <div className="stack">
          <PilotEntries title="Issues" entries={view.issues} empty="No issue reported." />
          <PilotIssueForm rolloutId={rolloutId} onRecorded={recorded} />
        </div>
      </div>
    </div>
  );
}

function EndedPilot({ view }: { view: PilotView }) {
  return (
    <div className="stack">
      <p>
        Verdict: <span className={`badge ${view.go ? 'badge-ok' : 'badge-danger'}`}>{view.go ? 'go' : 'no go'}</span>
      </p>
      <PilotWindow view={view} />
      <CriteriaTable criteria={view.criteria} caption="Pilot success criteria" />
      <div className="grid">
        <PilotEntries title="Check-ins" entries={view.checkIns} empty="No check-in was recorded." />
        <PilotEntries title="Issues" entries={view.issues} empty="No issue was reported." />
      </div>
    </div>
  );
}

function PilotWindow({ view }: { view: PilotView }) {
  const confidence = view.agentConfidence === null ? 'no answer yet' : `${Math.round(view.agentConfidence * 10) / 10} of 10`;
  return (
    <p className="muted">
      {view.from && view.to ? `${formatDay(view.from.slice(0, 10))} to ${formatDay(view.to.slice(0, 10))}` : 'Window not known'} · agents' confidence: {confidence}
      {view.confidenceAnswers > 0 && ` (${view.confidenceAnswers} answers)`}
    </p>
  );
}

function PilotEntries({ title, entries, empty }: { title: string; entries: PilotEntry[]; empty: string }) {
  return (
    <div>
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="pilot-entries">
          {entries.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <span className="pilot-entry-meta">
                {entry.at && <time className="muted" dateTime={entry.at}>{formatDay(entry.at.slice(0, 10))}</time>}
                {entry.severity && <span className={`badge ${SEVERITY_BADGES[entry.severity] ?? 'badge-info'}`}>{entry.severity}</span>}
              </span>
              <span>{entry.text}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
