import type { RolloutDetail } from './RolloutDetailScreen';
import {
  axisTicks,
  describeSlip,
  formatDay,
  markerOffset,
  timelineRows,
  timelineWindow,
  todayIso,
  type BarPosition,
  type TaskRow,
  type TaskState,
  type TimelineRow,
} from './timeline-layout';

const STATE_LABELS: Record<TaskState, string> = { done: 'done', overdue: 'overdue', blocked: 'blocked', slipped: 'slipped', 'on-track': 'on track' };
const STATE_BADGES: Record<TaskState, string> = { done: 'badge-ok', overdue: 'badge-danger', blocked: 'badge-warn', slipped: 'badge-warn', 'on-track': 'badge-info' };

/**
 * The Gantt-style timeline: a row per phase and per task, the planned dates as a thin outline, the projection as a
 * bar (its slip hatched), and vertical lines for today and the planned and projected go-live. Positioned HTML from
 * timeline-layout; each row also says its dates in words for screen readers.
 */
export function RolloutGantt({ rollout }: { rollout: RolloutDetail }) {
  const today = todayIso();
  const window = timelineWindow(rollout.tasks, [today, rollout.plannedGoLive, rollout.projectedGoLive]);
  const rows = timelineRows(window, rollout.phases, rollout.tasks);
  const markers = [
    { key: 'today', label: `Today, ${formatDay(today)}`, offset: markerOffset(window, today) },
    { key: 'planned', label: `Planned go-live, ${formatDay(rollout.plannedGoLive)}`, offset: markerOffset(window, rollout.plannedGoLive) },
    { key: 'projected', label: `Projected go-live, ${formatDay(rollout.projectedGoLive)}`, offset: markerOffset(window, rollout.projectedGoLive) },
  ];

  return (
    <section className="card" aria-labelledby="gantt-heading">
      <h2 id="gantt-heading">Timeline</h2>
      <ul className="gantt-legend" aria-label="Legend">
        <li><span className="gantt-key gantt-key-planned" aria-hidden="true" />Planned</li>
        <li><span className="gantt-key gantt-key-projected" aria-hidden="true" />Projected</li>
        <li><span className="gantt-key gantt-key-slip" aria-hidden="true" />Slip</li>
        {markers.map((marker) => (
          <li key={marker.key}>
            <span className={`gantt-key gantt-key-line gantt-line-${marker.key}`} aria-hidden="true" />
            {marker.label}
          </li>
        ))}
      </ul>
      <div className="gantt-scroll" tabIndex={0} aria-label="Timeline, scrolls sideways on a narrow screen" role="region">
        <div className="gantt">
          <div className="gantt-row gantt-axis" aria-hidden="true">
            <div className="gantt-label">{formatDay(window.first)} – {formatDay(window.last)}</div>
            <div className="gantt-track">
              {axisTicks(window).map((tick) => (
                <span key={tick.date} className="gantt-tick" style={{ left: `${tick.left}%` }}>{tick.label}</span>
              ))}
            </div>
          </div>
          <ol className="gantt-rows" aria-label="Phases and tasks">
            {rows.map((row) => <GanttRow key={row.kind === 'phase' ? `phase-${row.phase.id}` : row.task.id} row={row} />)}
          </ol>
          <div className="gantt-overlay" aria-hidden="true">
            {markers.map((marker) =>
              marker.offset === null ? null : (
                <span key={marker.key} className={`gantt-line gantt-line-${marker.key}`} style={{ left: `${marker.offset}%` }} title={marker.label} />
              ),
            )}
          </div>
        </div>
      </div>
    </section>
  );
}

function GanttRow({ row }: { row: TimelineRow }) {
  if (row.kind === 'phase') {
    return (
      <li className={`gantt-row gantt-phase gantt-phase-${row.phase.status}`}>
        <div className="gantt-label">
          <strong>{row.phase.name}</strong> <span className="muted">({row.phase.status})</span>
          {row.slipDays > 0 && <span className="badge badge-warn">{describeSlip(row.slipDays)}</span>}
        </div>
        <div className="gantt-track">
          {row.planned && <Bar className="gantt-planned" position={row.planned} />}
          {row.projected && <Bar className="gantt-projected gantt-projected-phase" position={row.projected} />}
          {row.slip && <Bar className="gantt-slip" position={row.slip} />}
          {!row.planned && <span className="gantt-empty muted">No tasks</span>}
        </div>
      </li>
    );
  }
  return (
    <li className="gantt-row gantt-task">
      <div className="gantt-label">
        <span className="gantt-task-title" title={row.task.title}>{row.task.title}</span>
        <span className={`badge ${STATE_BADGES[row.state]}`}>{STATE_LABELS[row.state]}</span>
        <span className="gantt-sr">{taskDatesInWords(row)}</span>
      </div>
      <div className="gantt-track">
        <Bar className="gantt-planned" position={row.planned} />
        <Bar className={`gantt-projected gantt-state-${row.state}`} position={row.projected} />
        {row.slip && <Bar className="gantt-slip" position={row.slip} />}
      </div>
    </li>
  );
}

function Bar({ className, position }: { className: string; position: BarPosition }) {
  return <span className={`gantt-bar ${className}`} style={{ left: `${position.left}%`, width: `${position.width}%` }} aria-hidden="true" />;
}

function taskDatesInWords(row: TaskRow): string {
  const { task } = row;
  return `planned ${formatDay(task.plannedStart)} to ${formatDay(task.plannedEnd)}, projected ${formatDay(task.projectedStart)} to ${formatDay(task.projectedEnd)}, ${describeSlip(row.slipDays)}`;
}
