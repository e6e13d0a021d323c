import { formatDuration } from '../../lib/durations';
import { etaSeconds, formatRate } from './progress-rates';
import { humanize, type PhaseBar } from './run-view';

/** One bar per phase, in the order the run imports them: rows read of those expected, the outcome, rate and ETA. */
export function PhaseProgressBars({ bars, rates }: { bars: PhaseBar[]; rates: Partial<Record<string, number | null>> }) {
  return (
    <section className="card stack" aria-labelledby="phases-heading">
      <h2 id="phases-heading">Phases</h2>
      <ol className="migrations-phase-list">
        {bars.map((bar) => {
          const rate = rates[bar.phase] ?? null;
          const eta = bar.expected === null ? null : etaSeconds(bar.read, bar.expected, rate);
          const rows = bar.expected === null ? `${bar.read} rows` : `${bar.read} of ${bar.expected} rows`;
          return (
            <li key={bar.phase} className="stack migrations-phase">
              <div className="row migrations-phase-head">
                <h3>{humanize(bar.phase)}</h3>
                <span className="muted">{rows}</span>
                <span className={bar.done ? 'badge badge-ok' : 'badge'}>{bar.done ? 'done' : `${bar.percent} %`}</span>
              </div>
              <div
                className="progress"
                role="progressbar"
                aria-label={`${humanize(bar.phase)} progress`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={bar.percent}
                aria-valuetext={`${bar.percent} %, ${rows}`}
              >
                <span style={{ width: `${bar.percent}%` }} />
              </div>
              <p className="muted migrations-phase-facts">
                {bar.counts.imported} imported · {bar.counts.updated} updated · {bar.counts.rejected} rejected · {bar.counts.skipped} skipped
                {!bar.done && rate !== null && rate > 0 && <> · {formatRate(rate)}</>}
                {!bar.done && eta !== null && eta > 0 && <> · about {formatDuration(eta)} left</>}
                {bar.expected === 0 && !bar.done && <> · nothing to import in this phase</>}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
