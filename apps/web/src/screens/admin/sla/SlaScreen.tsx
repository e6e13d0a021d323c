import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatDuration } from '../../../lib/durations';
import { enumLabel } from '../../../lib/enum-label';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Loading } from '../../../ui/Loading';
import { StatusNotice } from '../../../ui/StatusNotice';
import { movedOrder } from '../list-order';
import { MoveButtons } from '../MoveButtons';
import { useReloadAfterSave } from '../use-reload-after-save';
import { weeklyHoursText, WEEKDAYS } from './calendar-form';
import { CalendarEditor } from './CalendarEditor';
import { PolicyEditor } from './PolicyEditor';
import { AdminReorderSlaPoliciesMutation, AdminSlaQuery } from './sla-operations';

/** Business calendars and SLA policies (tried in order): create, edit and reorder them. */
export function SlaScreen() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminSlaQuery });
  const [reordered, reorderPolicies] = useMutation(AdminReorderSlaPoliciesMutation);
  const [calendarId, setCalendarId] = useState<string | null>(null);
  const [policyId, setPolicyId] = useState<string | null>(null);
  const { status, saves, reload } = useReloadAfterSave(refetch);
  const calendars = data?.businessCalendars ?? [];
  const policies = data?.slaPolicies ?? [];
  const editingCalendar = calendars.find((calendar) => calendar.id === calendarId);
  const editingPolicy = policies.find((policy) => policy.id === policyId);
  const calendarName = (id?: string | null) => (id ? (calendars.find((calendar) => calendar.id === id)?.name ?? 'a deleted calendar') : '24x7');

  async function move(id: string, name: string, step: -1 | 1) {
    const answer = await reorderPolicies({ ids: movedOrder(policies.map((policy) => policy.id), id, step) });
    if (answer.data) reload(`Moved ${name} ${step < 0 ? 'up' : 'down'}.`);
  }

  return (
    <section className="stack" aria-labelledby="sla-title">
      <h1 id="sla-title">SLA calendars and policies</h1>
      <StatusNotice message={status} />
      {error && <ErrorNotice error={error} />}
      {reordered.error && <ErrorNotice error={reordered.error} />}
      {!data && fetching && <Loading what="Loading calendars and policies" />}
      {data && (
        <>
          <h2>Business calendars</h2>
          {calendars.length === 0 ? (
            <p className="muted">No business calendar yet: policies count around the clock until one is made.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Calendar</th>
                  <th scope="col">Weekly hours</th>
                  <th scope="col">Holidays</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {calendars.map((calendar) => {
                  const week = weeklyHoursText(calendar.intervals);
                  return (
                    <tr key={calendar.id}>
                      <td>
                        {calendar.name}
                        <br />
                        <span className="muted">{calendar.timeZone}</span>
                      </td>
                      <td>
                        {WEEKDAYS.filter((day) => week[day])
                          .map((day) => `${enumLabel(day).slice(0, 3)} ${week[day]}`)
                          .join('; ')}
                      </td>
                      <td>{calendar.holidays.length}</td>
                      <td>
                        <button type="button" className="secondary" aria-label={`Edit ${calendar.name}`} onClick={() => setCalendarId(calendar.id)}>
                          Edit
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <CalendarEditor
            key={editingCalendar?.id ?? `new-${saves}`}
            editing={editingCalendar}
            onSaved={(message) => {
              setCalendarId(null);
              reload(message);
            }}
            onCancel={() => setCalendarId(null)}
          />
          <h2>SLA policies</h2>
          {policies.length === 0 ? (
            <p className="muted">No SLA policy yet: tickets have no targets until one applies.</p>
          ) : (
            <table>
              <caption className="muted">Active policies are tried from the top; the first that applies sets a ticket's targets.</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Policy</th>
                  <th scope="col">Calendar</th>
                  <th scope="col">Targets</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {policies.map((policy, index) => (
                  <tr key={policy.id}>
                    <td>{index + 1}</td>
                    <td>
                      {policy.name} {!policy.active && <span className="badge">Inactive</span>}
                    </td>
                    <td>{calendarName(policy.calendarId)}</td>
                    <td>
                      {policy.targets
                        .map((target) => `${enumLabel(target.priority)} ${enumLabel(target.metric).toLowerCase()} ${formatDuration(target.minutes * 60)}`)
                        .join('; ')}
                    </td>
                    <td>
                      <div className="admin-table-actions">
                        <MoveButtons name={policy.name} index={index} count={policies.length} disabled={reordered.fetching} onMove={(step) => move(policy.id, policy.name, step)} />
                        <button type="button" className="secondary" aria-label={`Edit ${policy.name}`} onClick={() => setPolicyId(policy.id)}>
                          Edit
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <PolicyEditor
            key={editingPolicy?.id ?? `new-${saves}`}
            editing={editingPolicy}
            calendars={calendars}
            onSaved={(message) => {
              setPolicyId(null);
              reload(message);
            }}
            onCancel={() => setPolicyId(null)}
          />
        </>
      )}
    </section>
  );
}
