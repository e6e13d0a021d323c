import { useMutation } from 'urql';
import type { AgentAvailability } from '../../../gql/schema-types';
import { enumLabel } from '../../../lib/enum-label';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { AdminSetAgentAvailabilityMutation } from './group-operations';

const AVAILABILITIES: AgentAvailability[] = ['ONLINE', 'AWAY', 'OFFLINE'];

/** Sets an agent's availability for them as soon as it is chosen (only online agents are assigned tickets). */
export function AgentAvailabilitySelect({ userId, name, availability }: { userId: string; name: string; availability: AgentAvailability }) {
  const [result, setAvailability] = useMutation(AdminSetAgentAvailabilityMutation);
  return (
    <>
      <select
        aria-label={`Availability of ${name}`}
        value={result.data?.setAgentAvailability.availability ?? availability}
        disabled={result.fetching}
        onChange={(event) => void setAvailability({ userId, availability: event.target.value as AgentAvailability })}
      >
        {AVAILABILITIES.map((value) => (
          <option key={value} value={value}>
            {enumLabel(value)}
          </option>
        ))}
      </select>
      {result.error && <ErrorNotice error={result.error} />}
    </>
  );
}
