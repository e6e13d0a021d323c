import { useQuery } from 'urql';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Loading } from '../../../ui/Loading';
import { StatusNotice } from '../../../ui/StatusNotice';
import { useReloadAfterSave } from '../use-reload-after-save';
import { AgentAvailabilitySelect } from './AgentAvailabilitySelect';
import { AgentProfileForm } from './AgentProfileForm';
import { CreateGroupForm } from './CreateGroupForm';
import { AdminGroupsAndAgentsQuery } from './group-operations';
import { GroupRow } from './GroupRow';

/** Groups (queues) and the agents working them: create and rename groups, agents' profiles and availability. */
export function GroupsScreen() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminGroupsAndAgentsQuery });
  const { status, reload } = useReloadAfterSave(refetch);
  const candidates = data?.users.filter((user) => user.active && user.roles.includes('AGENT')) ?? [];

  return (
    <section className="stack" aria-labelledby="groups-title">
      <h1 id="groups-title">Groups and agents</h1>
      <StatusNotice message={status} />
      {error && <ErrorNotice error={error} />}
      {!data && fetching && <Loading what="Loading groups and agents" />}
      {data && (
        <>
          <h2>Groups</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Visibility</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {data.groups.map((group) => (
                <GroupRow key={group.id} group={group} onRenamed={(name) => reload(`Renamed the group to ${name}.`)} />
              ))}
            </tbody>
          </table>
          <h2>Agents</h2>
          {data.agents.length === 0 ? (
            <p className="muted">No agent has a routing profile yet: give one below to a user with the agent role.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Agent</th>
                  <th scope="col">Groups</th>
                  <th scope="col">Load</th>
                  <th scope="col">Availability</th>
                </tr>
              </thead>
              <tbody>
                {data.agents.map((agent) => (
                  <tr key={agent.userId}>
                    <td>
                      {agent.displayName}
                      <br />
                      <span className="muted">{agent.email}</span>
                    </td>
                    <td>{agent.groups.map((group) => group.name).join(', ') || <span className="muted">None</span>}</td>
                    <td>
                      {agent.openTickets} / {agent.capacity}
                    </td>
                    <td>
                      <AgentAvailabilitySelect userId={agent.userId} name={agent.displayName} availability={agent.availability} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="admin-two-columns">
            <CreateGroupForm onCreated={(name) => reload(`Created the group ${name}.`)} />
            <AgentProfileForm candidates={candidates} groups={data.groups} profiles={data.agents} onSaved={reload} />
          </div>
        </>
      )}
    </section>
  );
}
