import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { errorCode } from '../api/errors';
import { graphql } from '../gql';
import { formatWhen } from '../lib/format-when';
import { usePolling } from '../lib/use-polling';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';
import { requestStatusView } from './request-status';
import { RequestConversation } from './RequestConversation';
import { RequestReplyForm } from './RequestReplyForm';

const PortalRequestView = graphql(`
  query PortalRequestView($token: String!) {
    portalRequest(token: $token) {
      ...PortalRequestFields
    }
  }
`);

/** Often enough that a solved request shows as solved while the customer looks; cheap, one small query. */
const REFRESH_MS = 10_000;

/** The page the mailed link opens: the request's status, its public conversation, and a box to answer. */
export function RequestPage() {
  const { token = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({ query: PortalRequestView, variables: { token } });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  usePolling(refresh, REFRESH_MS);

  const request = data?.portalRequest;
  if (!request) {
    if (!error) return <Loading what="Loading your request" />;
    const badLink = errorCode(error) === 'FORBIDDEN';
    return (
      <>
        <h1>{badLink ? 'This link does not work' : 'Your request cannot be shown'}</h1>
        <ErrorNotice error={error} />
        {badLink && (
          <p>
            <Link to="/portal">Send us a new request</Link>, or reply to one of our mails.
          </p>
        )}
      </>
    );
  }

  const status = requestStatusView(request.status);
  return (
    <>
      <p className="muted portal-kicker">Request #{request.number}</p>
      <h1>{request.subject}</h1>
      <section className="card portal-section" aria-label="Status">
        <div role="status" className="portal-status">
          <span className={`badge ${status.badge}`}>{status.label}</span>
          <span>{status.next}</span>
        </div>
        <p className="muted portal-dates">
          Sent {formatWhen(request.createdAt)} · last change {formatWhen(request.updatedAt)}
        </p>
        {/* A failed refresh keeps the last answer on screen, and says so. */}
        {error && <ErrorNotice error={error} />}
      </section>
      <RequestConversation description={request.description} createdAt={request.createdAt} messages={request.messages} />
      <RequestReplyForm token={token} requestNumber={request.number} />
    </>
  );
}
