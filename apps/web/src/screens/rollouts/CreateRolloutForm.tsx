import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { fieldErrors } from '../../api/errors';
import { useSession } from '../../auth/session';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { templateRoles } from './template-roles';
import { todayIso } from './timeline-layout';

const RolloutsTemplatesQuery = graphql(`
  query RolloutsTemplates {
    rolloutTemplates {
      id
      name
      description
      body
    }
  }
`);

const RolloutsCreateMutation = graphql(`
  mutation RolloutsCreate($input: CreateRolloutInput!) {
    createRollout(input: $input) {
      id
    }
  }
`);

/**
 * Starts a rollout from a plan template. Each role of the template needs a person: the signed-in lead is proposed for
 * every one (a lead cannot list users), and a colleague's user id can be entered instead; tasks can be reassigned later.
 */
export function CreateRolloutForm() {
  const { user } = useSession();
  const navigate = useNavigate();
  const [{ data, error: templatesError }] = useQuery({ query: RolloutsTemplatesQuery });
  const [{ fetching, error }, createRollout] = useMutation(RolloutsCreateMutation);
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [startDate, setStartDate] = useState(todayIso());
  const [targetGoLive, setTargetGoLive] = useState('');
  const [people, setPeople] = useState<Record<string, string>>({});

  if (templatesError) return <ErrorNotice error={templatesError} />;
  if (!data || !user) return <Loading what="Loading plan templates" />;
  const template = data.rolloutTemplates.find((candidate) => candidate.id === templateId) ?? data.rolloutTemplates[0];
  if (!template) return <p className="muted">There is no plan template yet: an admin adds one first.</p>;
  const roles = templateRoles(template.body);
  const personFor = (role: string) => people[role] ?? user.id;
  const fields = fieldErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await createRollout({
      input: {
        name: name.trim(),
        templateId: template.id,
        startDate,
        targetGoLive: targetGoLive || null,
        people: roles.map((role) => ({ role, userId: personFor(role).trim() })),
      },
    });
    if (result.data) navigate(result.data.createRollout.id);
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="new-rollout-heading">
      <h2 id="new-rollout-heading">Start a rollout</h2>
      <div className="grid">
        <label>
          Name
          <input value={name} onChange={(event) => setName(event.target.value)} required />
          {fields.name && <span className="field-error">{fields.name}</span>}
        </label>
        <label>
          Plan template
          <select value={template.id} onChange={(event) => setTemplateId(event.target.value)}>
            {data.rolloutTemplates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Start date
          <input type="date" value={startDate} onChange={(event) => setStartDate(event.target.value)} required />
        </label>
        <label>
          Target go-live (optional)
          <input type="date" value={targetGoLive} onChange={(event) => setTargetGoLive(event.target.value)} />
        </label>
      </div>
      <p className="muted">{template.description}</p>
      <fieldset className="stack rollout-fieldset">
        <legend>People (user ids; you are proposed for every role)</legend>
        <div className="grid">
          {roles.map((role) => (
            <label key={role}>
              {`Person for ${role.replace(/_/g, ' ')}`}
              <input value={personFor(role)} onChange={(event) => setPeople({ ...people, [role]: event.target.value })} required />
            </label>
          ))}
        </div>
      </fieldset>
      {error && <ErrorNotice error={error} />}
      <div className="row">
        <button type="submit" disabled={fetching}>
          {fetching ? 'Starting…' : 'Start rollout'}
        </button>
      </div>
    </form>
  );
}
