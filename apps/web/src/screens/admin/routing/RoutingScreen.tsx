import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Loading } from '../../../ui/Loading';
import { StatusNotice } from '../../../ui/StatusNotice';
import { movedOrder } from '../list-order';
import { MoveButtons } from '../MoveButtons';
import { useReloadAfterSave } from '../use-reload-after-save';
import { AdminDeleteRoutingRuleMutation, AdminReorderRoutingRulesMutation, AdminRoutingQuery } from './routing-operations';
import { RoutingSimulator } from './RoutingSimulator';
import { describeCriteria } from './rule-form';
import { RuleConflicts } from './RuleConflicts';
import { RuleEditor } from './RuleEditor';

/** Routing rules in the order they are tried: create, edit, delete and reorder them, see conflicts, simulate a ticket. */
export function RoutingScreen() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminRoutingQuery });
  const [deleted, deleteRule] = useMutation(AdminDeleteRoutingRuleMutation);
  const [reordered, reorderRules] = useMutation(AdminReorderRoutingRulesMutation);
  const [editingId, setEditingId] = useState<string | null>(null);
  const { status, saves, reload } = useReloadAfterSave(refetch);
  const rules = data?.routingRules ?? [];
  const groupName = (id: string) => data?.groups.find((group) => group.id === id)?.name ?? 'a deleted group';
  const editing = rules.find((rule) => rule.id === editingId);

  async function move(id: string, name: string, step: -1 | 1) {
    const answer = await reorderRules({ ids: movedOrder(rules.map((rule) => rule.id), id, step) });
    if (answer.data) reload(`Moved ${name} ${step < 0 ? 'up' : 'down'}.`);
  }

  async function remove(id: string, name: string) {
    if (!window.confirm(`Delete the routing rule ${name}?`)) return;
    const answer = await deleteRule({ id });
    if (answer.data) reload(`Deleted the rule ${name}.`);
  }

  return (
    <section className="stack" aria-labelledby="routing-title">
      <h1 id="routing-title">Routing rules</h1>
      <StatusNotice message={status} />
      {error && <ErrorNotice error={error} />}
      {deleted.error && <ErrorNotice error={deleted.error} />}
      {reordered.error && <ErrorNotice error={reordered.error} />}
      {!data && fetching && <Loading what="Loading routing rules" />}
      {data && (
        <>
          {rules.length === 0 ? (
            <p className="muted">No routing rules yet: every ticket goes to the fallback group. Create the first rule below.</p>
          ) : (
            <table>
              <caption className="muted">Active rules are tried from the top; the first that matches routes the ticket.</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Rule</th>
                  <th scope="col">Matches</th>
                  <th scope="col">Routes to</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {rules.map((rule, index) => (
                  <tr key={rule.id}>
                    <td>{index + 1}</td>
                    <td>
                      {rule.name} {!rule.active && <span className="badge">Inactive</span>}
                    </td>
                    <td>{describeCriteria(rule.criteria)}</td>
                    <td>{groupName(rule.result.groupId)}</td>
                    <td>
                      <div className="admin-table-actions">
                        <MoveButtons name={rule.name} index={index} count={rules.length} disabled={reordered.fetching} onMove={(step) => move(rule.id, rule.name, step)} />
                        <button type="button" className="secondary" aria-label={`Edit ${rule.name}`} onClick={() => setEditingId(rule.id)}>
                          Edit
                        </button>
                        <button type="button" className="danger" aria-label={`Delete ${rule.name}`} disabled={deleted.fetching} onClick={() => remove(rule.id, rule.name)}>
                          Delete
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <RuleConflicts conflicts={data.routingRuleConflicts} />
          <div className="admin-two-columns">
            <RuleEditor
              key={editing?.id ?? `new-${saves}`}
              editing={editing}
              groups={data.groups}
              onSaved={(message) => {
                setEditingId(null);
                reload(message);
              }}
              onCancel={() => setEditingId(null)}
            />
            <RoutingSimulator />
          </div>
        </>
      )}
    </section>
  );
}
