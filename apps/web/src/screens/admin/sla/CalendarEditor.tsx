import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../../../api/errors';
import type { HolidayInput, WorkingIntervalInput } from '../../../gql/schema-types';
import { enumLabel } from '../../../lib/enum-label';
import { FormField } from '../../../ui/FormField';
import { EditorActions } from '../EditorActions';
import { WEEKDAYS, holidaysText, parseHolidays, parseWeeklyHours, weeklyHoursText, type WeeklyHoursText } from './calendar-form';
import { AdminCreateBusinessCalendarMutation, AdminUpdateBusinessCalendarMutation } from './sla-operations';

interface SavedCalendar {
  id: string;
  name: string;
  timeZone: string;
  intervals: WorkingIntervalInput[];
  holidays: HolidayInput[];
}

const OFFICE_HOURS: WorkingIntervalInput[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
  day: day as WorkingIntervalInput['day'],
  start: '09:00',
  end: '17:00',
}));

/** A business calendar: its time zone, each weekday's working hours, and its holidays (creating one, or replacing one). */
export function CalendarEditor({ editing, onSaved, onCancel }: { editing?: SavedCalendar; onSaved: (message: string) => void; onCancel: () => void }) {
  const [name, setName] = useState(editing?.name ?? '');
  const [timeZone, setTimeZone] = useState(editing?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [hours, setHours] = useState<WeeklyHoursText>(() => weeklyHoursText(editing?.intervals ?? OFFICE_HOURS));
  const [holidays, setHolidays] = useState(() => holidaysText(editing?.holidays ?? []));
  const [created, createCalendar] = useMutation(AdminCreateBusinessCalendarMutation);
  const [updated, updateCalendar] = useMutation(AdminUpdateBusinessCalendarMutation);
  const result = editing ? updated : created;
  const errors = fieldErrors(result.error);
  const week = parseWeeklyHours(hours);
  const days = parseHolidays(holidays);
  const readable = week.badDays.length === 0 && days.badLines.length === 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!readable) return;
    const input = { name: name.trim(), timeZone: timeZone.trim(), intervals: week.intervals, holidays: days.holidays };
    const answer = editing ? await updateCalendar({ id: editing.id, input }) : await createCalendar({ input });
    if (!answer.error) onSaved(editing ? `Saved the calendar ${input.name}.` : `Created the calendar ${input.name}.`);
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="calendar-editor-title">
      <h2 id="calendar-editor-title">{editing ? `Edit the calendar ${editing.name}` : 'Create a business calendar'}</h2>
      <FormField label="Calendar name" error={errors.name}>
        <input required value={name} onChange={(event) => setName(event.target.value)} />
      </FormField>
      <FormField label="Time zone (IANA, e.g. Europe/Paris)" error={errors.timeZone}>
        <input required value={timeZone} onChange={(event) => setTimeZone(event.target.value)} />
      </FormField>
      <fieldset>
        <legend>Working hours (e.g. 09:00-12:00, 13:00-17:00; empty: day off)</legend>
        <div className="admin-week">
          {WEEKDAYS.map((day) => (
            <FormField key={day} label={enumLabel(day)} error={week.badDays.includes(day) ? 'Write HH:MM-HH:MM ranges, separated by commas.' : undefined}>
              <input value={hours[day]} onChange={(event) => setHours({ ...hours, [day]: event.target.value })} />
            </FormField>
          ))}
        </div>
        {errors.intervals && <span className="field-error">{errors.intervals}</span>}
      </fieldset>
      <FormField
        label="Holidays (one a line: YYYY-MM-DD name, “(every year)” at the end of a yearly one)"
        error={days.badLines.length > 0 ? `Start each line with a date: ${days.badLines.join('; ')}` : errors.holidays}
      >
        <textarea value={holidays} onChange={(event) => setHolidays(event.target.value)} />
      </FormField>
      <EditorActions thing="calendar" editing={Boolean(editing)} error={result.error} disabled={result.fetching || !readable} onCancel={onCancel} />
    </form>
  );
}
