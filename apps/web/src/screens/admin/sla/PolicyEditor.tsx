import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../../../api/errors';
import { enumLabel } from '../../../lib/enum-label';
import { FormField } from '../../../ui/FormField';
import { CheckboxGroup } from '../CheckboxGroup';
import { EditorActions } from '../EditorActions';
import { CHANNELS, PRIORITIES } from '../ticket-values';
import { METRICS, TARGET_PRIORITIES, emptyPolicyForm, policyFormFrom, policyInputFrom, type PolicyForm, type SavedPolicy } from './policy-form';
import { AdminCreateSlaPolicyMutation, AdminUpdateSlaPolicyMutation } from './sla-operations';

interface Props {
  editing?: SavedPolicy & { id: string };
  calendars: { id: string; name: string }[];
  onSaved: (message: string) => void;
  onCancel: () => void;
}

/** An SLA policy: which tickets it applies to, its calendar, and target minutes per priority and metric. */
export function PolicyEditor({ editing, calendars, onSaved, onCancel }: Props) {
  const [form, setForm] = useState<PolicyForm>(() => (editing ? policyFormFrom(editing) : emptyPolicyForm()));
  const [created, createPolicy] = useMutation(AdminCreateSlaPolicyMutation);
  const [updated, updatePolicy] = useMutation(AdminUpdateSlaPolicyMutation);
  const result = editing ? updated : created;
  const errors = fieldErrors(result.error);
  const change = (changes: Partial<PolicyForm>) => setForm((current) => ({ ...current, ...changes }));
  const setTarget = (priority: (typeof TARGET_PRIORITIES)[number], metric: (typeof METRICS)[number], minutes: string) =>
    change({ targets: { ...form.targets, [priority]: { ...form.targets[priority], [metric]: minutes } } });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = policyInputFrom(form, editing);
    const answer = editing ? await updatePolicy({ id: editing.id, input }) : await createPolicy({ input });
    if (!answer.error) onSaved(editing ? `Saved the policy ${input.name}.` : `Created the policy ${input.name}.`);
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="policy-editor-title">
      <h2 id="policy-editor-title">{editing ? `Edit the policy ${editing.name}` : 'Create an SLA policy'}</h2>
      <FormField label="Policy name" error={errors.name}>
        <input required value={form.name} onChange={(event) => change({ name: event.target.value })} />
      </FormField>
      <FormField label="Business calendar" error={errors.calendarId}>
        <select value={form.calendarId} onChange={(event) => change({ calendarId: event.target.value })}>
          <option value="">Around the clock (24x7)</option>
          {calendars.map((calendar) => (
            <option key={calendar.id} value={calendar.id}>
              {calendar.name}
            </option>
          ))}
        </select>
      </FormField>
      <CheckboxGroup legend="Applies to priorities (none: any)" options={PRIORITIES} chosen={form.priorities} label={enumLabel} onChange={(priorities) => change({ priorities })} />
      <CheckboxGroup legend="Applies to channels (none: any)" options={CHANNELS} chosen={form.channels} label={enumLabel} onChange={(channels) => change({ channels })} />
      <FormField label="Applies to tags (comma-separated; any of them)" error={errors['conditions.tags']}>
        <input value={form.tags} onChange={(event) => change({ tags: event.target.value })} />
      </FormField>
      <fieldset>
        <legend>Targets in minutes (empty: no target)</legend>
        <table className="admin-targets">
          <thead>
            <tr>
              <th scope="col">Priority</th>
              {METRICS.map((metric) => (
                <th key={metric} scope="col">
                  {enumLabel(metric)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {TARGET_PRIORITIES.map((priority) => (
              <tr key={priority}>
                <th scope="row">{enumLabel(priority)}</th>
                {METRICS.map((metric) => (
                  <td key={metric}>
                    <input
                      type="number"
                      min={1}
                      aria-label={`${enumLabel(metric)} minutes for ${enumLabel(priority).toLowerCase()} priority`}
                      value={form.targets[priority][metric]}
                      onChange={(event) => setTarget(priority, metric, event.target.value)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {errors.targets && <span className="field-error">{errors.targets}</span>}
        <label className="inline">
          <input type="checkbox" checked={form.businessHours} onChange={(event) => change({ businessHours: event.target.checked })} />
          Count targets in the calendar's business hours (else around the clock)
        </label>
      </fieldset>
      <FormField label="Warn at percents of a target (comma-separated, ascending)" error={errors.warningThresholds}>
        <input value={form.warningThresholds} onChange={(event) => change({ warningThresholds: event.target.value })} />
      </FormField>
      <label className="inline">
        <input type="checkbox" checked={form.active} onChange={(event) => change({ active: event.target.checked })} />
        Active (only active policies apply)
      </label>
      <EditorActions thing="policy" editing={Boolean(editing)} error={result.error} disabled={result.fetching} onCancel={onCancel} />
    </form>
  );
}
