import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { formatWhen } from '../../lib/format-when';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { STATUS_LABELS, statusBadge } from './ticket-labels';

const ProblemIncidentsQuery = graphql(`
  query TicketsProblemIncidents($ticketId: ID!) {
    ticket(id: $ticketId) {
      id
      type
      incidentCount
      repeatedIncidentCount
      knownError {
        note
        workaround
        setAt
      }
      incidents {
        id
        number
        subject
        status
        requesterEmail
      }
    }
  }
`);

/** For a problem: its known error, and the incidents linked to it (how many, how many of them repeats), each a link. */
export function ProblemIncidentsPanel({ ticketId }: { ticketId: string }) {
  const [{ data, error, fetching }] = useQuery({ query: ProblemIncidentsQuery, variables: { ticketId }, requestPolicy: 'cache-and-network' });
  const ticket = data?.ticket;
  if (ticket && ticket.type !== 'PROBLEM') return null;

  return (
    <section className="card problem-panel" aria-labelledby="incidents-title">
      <h2 id="incidents-title">Incidents</h2>
      {error && <ErrorNotice error={error} />}
      {!data && fetching && <Loading what="Loading the incidents" />}
      {ticket && (
        <>
          <p>
            <strong>{ticket.incidentCount}</strong> linked · <strong>{ticket.repeatedIncidentCount}</strong> repeated
          </p>
          <h3>Known error</h3>
          {ticket.knownError ? (
            <dl className="ticket-fields">
              <div>
                <dt>Cause</dt>
                <dd className="wrap-anywhere">{ticket.knownError.note}</dd>
              </div>
              <div>
                <dt>Workaround</dt>
                <dd className="wrap-anywhere">{ticket.knownError.workaround}</dd>
              </div>
              <div>
                <dt>Recorded</dt>
                <dd>{formatWhen(ticket.knownError.setAt)}</dd>
              </div>
            </dl>
          ) : (
            <p className="muted">None recorded yet.</p>
          )}
          {ticket.incidents.length > 0 && (
            <ul className="knowledge-list" aria-label="Linked incidents">
              {ticket.incidents.map((incident) => (
                <li key={incident.id}>
                  <Link to={`/app/tickets/${incident.id}`}>
                    #{incident.number} {incident.subject}
                  </Link>{' '}
                  <span className={statusBadge(incident.status)}>{STATUS_LABELS[incident.status]}</span>
                  <span className="muted wrap-anywhere"> · {incident.requesterEmail}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
