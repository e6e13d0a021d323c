import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../../../api/errors';
import type { AgentSkill, WorkingInterval } from '../../../gql/schema-types';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { FormField } from '../../../ui/FormField';
import { formatList, parseList, toggled } from '../text-lists';
import { AdminUpsertAgentMutation } from './group-operations';

interface AgentProfile {
  userId: string;
  capacity: number;
  languages: string[];
  timeZone: string;
  groups: { id: string }[];
  skills: Pick<AgentSkill, 'skill' | 'level'>[];
  workingHours: Pick<WorkingInterval, 'day' | 'start' | 'end'>[];
}

interface Props {
  candidates: { id: string; displayName: string; email: string }[];
  groups: { id: string; name: string }[];
  profiles: AgentProfile[];
  onSaved: (message: string) => void;
}

/**
 * An agent's groups, capacity and languages. Upserting replaces the whole profile, so the parts this form does not
 * edit (skills, working hours, time zone) are sent back as they are.
 */
export function AgentProfileForm({ candidates, groups, profiles, onSaved }: Props) {
  const [userId, setUserId] = useState('');
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [capacity, setCapacity] = useState('10');
  const [languages, setLanguages] = useState('');
  const [result, upsertAgent] = useMutation(AdminUpsertAgentMutation);
  const errors = fieldErrors(result.error);
  const existing = profiles.find((profile) => profile.userId === userId);

  function choose(id: string) {
    setUserId(id);
    const profile = profiles.find((candidate) => candidate.userId === id);
    setGroupIds(profile?.groups.map((group) => group.id) ?? []);
    setCapacity(String(profile?.capacity ?? 10));
    setLanguages(formatList(profile?.languages ?? []));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const kept = existing
      ? {
          timeZone: existing.timeZone,
          skills: existing.skills.map(({ skill, level }) => ({ skill, level })),
          workingHours: existing.workingHours.map(({ day, start, end }) => ({ day, start, end })),
        }
      : {};
    const answer = await upsertAgent({ input: { userId, groupIds, capacity: Number(capacity), languages: parseList(languages), ...kept } });
    const who = candidates.find((candidate) => candidate.id === userId);
    if (answer.data) onSaved(`Saved the agent profile of ${who?.displayName ?? 'the agent'}.`);
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="agent-profile-title">
      <h2 id="agent-profile-title">Agent profile</h2>
      <FormField label="Agent" error={errors.userId}>
        <select required value={userId} onChange={(event) => choose(event.target.value)}>
          <option value="">Choose a user with the agent role…</option>
          {candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.displayName} ({candidate.email})
            </option>
          ))}
        </select>
      </FormField>
      <fieldset>
        <legend>Groups</legend>
        <div className="admin-checks">
          {groups.map((group) => (
            <label key={group.id} className="inline">
              <input type="checkbox" checked={groupIds.includes(group.id)} onChange={(event) => setGroupIds(toggled(groupIds, group.id, event.target.checked))} />
              {group.name}
            </label>
          ))}
        </div>
        {errors.groupIds && <span className="field-error">{errors.groupIds}</span>}
      </fieldset>
      <FormField label="Capacity (most open tickets, 1 to 1000)" error={errors.capacity}>
        <input type="number" min={1} max={1000} required value={capacity} onChange={(event) => setCapacity(event.target.value)} />
      </FormField>
      <FormField label="Languages (comma-separated, e.g. en, de)" error={errors.languages}>
        <input value={languages} onChange={(event) => setLanguages(event.target.value)} />
      </FormField>
      {result.error && <ErrorNotice error={result.error} />}
      <div className="row">
        <button type="submit" disabled={result.fetching || !userId}>
          Save agent profile
        </button>
      </div>
    </form>
  );
}
