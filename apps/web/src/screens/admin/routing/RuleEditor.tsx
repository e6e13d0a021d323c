import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../../../api/errors';
import { enumLabel } from '../../../lib/enum-label';
import { FormField } from '../../../ui/FormField';
import { CheckboxGroup } from '../CheckboxGroup';
import { EditorActions } from '../EditorActions';
import { CHANNELS, PRIORITIES } from '../ticket-values';
import { AdminCreateRoutingRuleMutation, AdminUpdateRoutingRuleMutation } from './routing-operations';
import { emptyRuleForm, ruleFormFrom, ruleInputFrom, type RuleForm, type SavedRule } from './rule-form';

interface Props {
  /** The rule being edited (with its id), or none to create one. */
  editing?: SavedRule & { id: string };
  groups: { id: string; name: string }[];
  onSaved: (message: string) => void;
  onCancel: () => void;
}

/** Creates a routing rule or replaces one: what it matches (all criteria given must hold) and where it sends tickets. */
export function RuleEditor({ editing, groups, onSaved, onCancel }: Props) {
  const [form, setForm] = useState<RuleForm>(() => (editing ? ruleFormFrom(editing) : emptyRuleForm(groups[0]?.id)));
  const [created, createRule] = useMutation(AdminCreateRoutingRuleMutation);
  const [updated, updateRule] = useMutation(AdminUpdateRoutingRuleMutation);
  const result = editing ? updated : created;
  const errors = fieldErrors(result.error);
  const change = (changes: Partial<RuleForm>) => setForm((current) => ({ ...current, ...changes }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = ruleInputFrom(form, editing);
    const answer = editing ? await updateRule({ id: editing.id, input }) : await createRule({ input });
    if (!answer.error) onSaved(editing ? `Saved the rule ${input.name}.` : `Created the rule ${input.name}.`);
  }

  const title = editing ? `Edit the rule ${editing.name}` : 'Create a routing rule';
  return (
    <form className="card" onSubmit={submit} aria-labelledby="rule-editor-title">
      <h2 id="rule-editor-title">{title}</h2>
      <FormField label="Rule name" error={errors.name}>
        <input required value={form.name} onChange={(event) => change({ name: event.target.value })} />
      </FormField>
      <FormField label="Keywords (comma-separated words or phrases in the subject or description)" error={errors['criteria.keywords']}>
        <input value={form.keywords} onChange={(event) => change({ keywords: event.target.value })} />
      </FormField>
      <FormField label="Pattern (regular expression, optional)" error={errors['criteria.pattern']}>
        <input value={form.pattern} onChange={(event) => change({ pattern: event.target.value })} />
      </FormField>
      <CheckboxGroup legend="Channels (none: any)" options={CHANNELS} chosen={form.channels} label={enumLabel} onChange={(channels) => change({ channels })} />
      <CheckboxGroup legend="Priorities (none: any)" options={PRIORITIES} chosen={form.priorities} label={enumLabel} onChange={(priorities) => change({ priorities })} />
      <FormField label="Requester domains (comma-separated, e.g. acme.com)" error={errors['criteria.requesterDomains']}>
        <input value={form.requesterDomains} onChange={(event) => change({ requesterDomains: event.target.value })} />
      </FormField>
      <FormField label="Customer tiers (comma-separated, e.g. vip)" error={errors['criteria.customerTiers']}>
        <input value={form.customerTiers} onChange={(event) => change({ customerTiers: event.target.value })} />
      </FormField>
      <FormField label="Route to group" error={errors['result.groupId']}>
        <select required value={form.groupId} onChange={(event) => change({ groupId: event.target.value })}>
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Priority adjustment (−3 to +3 steps)" error={errors['result.priorityAdjustment']}>
        <input type="number" min={-3} max={3} value={form.priorityAdjustment} onChange={(event) => change({ priorityAdjustment: Number(event.target.value) })} />
      </FormField>
      <FormField label="Tags to add (comma-separated)" error={errors['result.tags']}>
        <input value={form.tags} onChange={(event) => change({ tags: event.target.value })} />
      </FormField>
      <label className="inline">
        <input type="checkbox" checked={form.active} onChange={(event) => change({ active: event.target.checked })} />
        Active (only active rules route tickets)
      </label>
      <EditorActions thing="rule" editing={Boolean(editing)} error={result.error} disabled={result.fetching} onCancel={onCancel} />
    </form>
  );
}
