import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../../../api/errors';
import type { TicketChannel, TicketPriority } from '../../../gql/schema-types';
import { enumLabel } from '../../../lib/enum-label';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { FormField } from '../../../ui/FormField';
import { CHANNELS, PRIORITIES } from '../ticket-values';
import { AdminSimulateRoutingMutation } from './routing-operations';

/** Tries a ticket against the active rules, saving nothing: which rule takes it, where it goes, and why. */
export function RoutingSimulator() {
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [requesterEmail, setRequesterEmail] = useState('');
  const [channel, setChannel] = useState<TicketChannel>('EMAIL');
  const [priority, setPriority] = useState<TicketPriority>('NORMAL');
  const [customerTier, setCustomerTier] = useState('');
  const [result, simulate] = useMutation(AdminSimulateRoutingMutation);
  const errors = fieldErrors(result.error);
  const outcome = result.data?.simulateRouting;
  const scenario = outcome?.results[0];

  function submit(event: FormEvent) {
    event.preventDefault();
    const arrivedAt = new Date().toISOString();
    void simulate({ scenarios: [{ subject, description, requesterEmail, channel, priority, customerTier: customerTier.trim() || null, arrivedAt }] });
  }

  return (
    <section className="card stack" aria-labelledby="simulator-title">
      <h2 id="simulator-title">Routing simulator</h2>
      <p className="muted">A ticket arriving now, tried against the active rules; nothing is saved.</p>
      <form className="stack" onSubmit={submit} aria-label="Simulated ticket">
        <FormField label="Subject" error={errors['scenarios.0.subject']}>
          <input required value={subject} onChange={(event) => setSubject(event.target.value)} />
        </FormField>
        <FormField label="Description" error={errors['scenarios.0.description']}>
          <textarea value={description} onChange={(event) => setDescription(event.target.value)} />
        </FormField>
        <FormField label="Requester email" error={errors['scenarios.0.requesterEmail']}>
          <input type="email" required value={requesterEmail} onChange={(event) => setRequesterEmail(event.target.value)} />
        </FormField>
        <div className="row">
          <FormField label="Channel">
            <select value={channel} onChange={(event) => setChannel(event.target.value as TicketChannel)}>
              {CHANNELS.map((value) => (
                <option key={value} value={value}>
                  {enumLabel(value)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Priority">
            <select value={priority} onChange={(event) => setPriority(event.target.value as TicketPriority)}>
              {PRIORITIES.map((value) => (
                <option key={value} value={value}>
                  {enumLabel(value)}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Customer tier">
            <input value={customerTier} onChange={(event) => setCustomerTier(event.target.value)} />
          </FormField>
        </div>
        <div className="row">
          <button type="submit" disabled={result.fetching}>
            {result.fetching ? 'Simulating…' : 'Simulate'}
          </button>
        </div>
      </form>
      {result.error && <ErrorNotice error={result.error} />}
      <div role="status" aria-live="polite">
        {scenario && (
          <div className="stack" aria-label="Simulation result">
            <p>
              {scenario.matchedRule ? (
                <>
                  Rule chosen: <strong>{scenario.matchedRule.name}</strong>
                </>
              ) : (
                <>No rule matched: the ticket goes to the fallback group.</>
              )}{' '}
              → group <strong>{scenario.group.name}</strong>, priority {enumLabel(scenario.priority)}
              {scenario.tags.length > 0 && <>, tags {scenario.tags.join(', ')}</>}.
            </p>
            <p>
              {scenario.agent ? <>Would be assigned to {scenario.agent.displayName}: </> : <>Would wait in the queue: </>}
              {scenario.agentReason}
            </p>
            <div>
              <strong>Why</strong>
              <ul className="admin-reasons">
                {scenario.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          </div>
        )}
        {outcome && outcome.problems.length > 0 && (
          <div className="notice notice-error">
            <p>Rules that can never match:</p>
            <ul>
              {outcome.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
