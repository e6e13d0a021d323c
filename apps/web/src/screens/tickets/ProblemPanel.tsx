import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { LinkToProblem, UnlinkFromProblem } from './IncidentProblemLink';

const ProblemQuery = graphql(`
  query TicketsProblem($ticketId: ID!) {
    ticket(id: $ticketId) {
      id
      type
      problem {
        id
        number
        subject
        knownError {
          workaround
        }
      }
      suggestedProblems(first: 5) {
        id
        number
        subject
      }
    }
  }
`);

const LinkProblemMutation = graphql(`
  mutation TicketsLinkProblem($input: LinkIncidentToProblemInput!) {
    linkIncidentToProblem(input: $input) {
      id
    }
  }
`);

/** For an incident: its problem (unlink) and the known workaround, or the open problems it may be a repeat of (one click links) and any other to link. */
export function ProblemPanel({ ticketId }: { ticketId: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: ProblemQuery, variables: { ticketId } });
  const [linking, link] = useMutation(LinkProblemMutation);
  const ticket = data?.ticket;
  if (ticket && ticket.type !== 'INCIDENT') return null;

  const linkProblem = async (problemId: string) => {
    const result = await link({ input: { incidentId: ticketId, problemId } });
    if (!result.error) refetch({ requestPolicy: 'network-only' });
  };

  return (
    <section className="card" aria-labelledby="problem-title">
      <h2 id="problem-title">Problem</h2>
      {error && <ErrorNotice error={error} />}
      {linking.error && <ErrorNotice error={linking.error} />}
      {!data && fetching && <Loading what="Loading the problem" />}
      {ticket?.problem && (
        <>
          <p>
            Linked to{' '}
            <Link to={`/app/tickets/${ticket.problem.id}`}>
              #{ticket.problem.number} {ticket.problem.subject}
            </Link>
            {ticket.problem.knownError && <span className="muted"> — workaround: {ticket.problem.knownError.workaround}</span>}
          </p>
          <UnlinkFromProblem incidentId={ticketId} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
        </>
      )}
      {ticket && !ticket.problem && (
        <>
          <h3>Suggested problems</h3>
          {ticket.suggestedProblems.length === 0 ? (
            <p className="muted">No open problem matches this incident.</p>
          ) : (
            <ul className="knowledge-list" aria-label="Suggested problems">
              {ticket.suggestedProblems.map((problem) => (
                <li key={problem.id} className="knowledge-suggestion">
                  <strong>
                    #{problem.number} {problem.subject}
                  </strong>
                  <button type="button" className="secondary" disabled={linking.fetching} onClick={() => void linkProblem(problem.id)} aria-label={`Link this incident to problem #${problem.number}`}>
                    Link
                  </button>
                </li>
              ))}
            </ul>
          )}
          <LinkToProblem incidentId={ticketId} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
        </>
      )}
    </section>
  );
}
