import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { InboxFilters } from './InboxFilters';
import { InboxTable } from './InboxTable';
import { InboxViews } from './InboxViews';
import { readInboxParams, ticketsFilterOf, writeInboxParams, type InboxParams } from './inbox-params';
import { useTicketQueues } from './use-ticket-queues';

const InboxQuery = graphql(`
  query TicketsInbox($filter: TicketsFilterInput, $orderBy: TicketOrderInput, $first: Int!, $after: String) {
    tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          number
          subject
          requesterEmail
          status
          priority
          slaDeadline
          slaBreachedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The cursors of the pages before this one, kept in the browser history's state (a shared link starts afresh). */
interface PagingState {
  previous: Array<string | null>;
}

/** /app/tickets: my tickets, my groups' queues or all I may see, filtered and sorted, a page at a time. */
export function InboxScreen() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const params = readInboxParams(searchParams);
  const previous = (location.state as PagingState | null)?.previous ?? [];
  const { queues, error: queuesError } = useTicketQueues();

  const [{ data, error, fetching }] = useQuery({
    query: InboxQuery,
    variables: { filter: ticketsFilterOf(params), orderBy: params.sort, first: params.pageSize, after: params.after ?? null },
    requestPolicy: 'cache-and-network',
  });

  /** A new view, filter or sort starts again at the first page. */
  const show = (changes: Partial<InboxParams>) => navigate({ search: `?${writeInboxParams({ ...params, ...changes, after: undefined })}` });
  const goToPage = (after: string | null, state: PagingState) =>
    navigate({ search: `?${writeInboxParams({ ...params, after: after ?? undefined })}` }, { state });

  const connection = data?.tickets;
  const pageNumber = previous.length + 1;

  return (
    <section className="page tickets-inbox" aria-labelledby="inbox-title">
      <div className="page-header">
        <h1 id="inbox-title">Tickets</h1>
      </div>
      {queuesError && <ErrorNotice error={queuesError} />}
      <InboxViews current={params.view} queues={queues} onSelect={(view) => show({ view, groupId: undefined })} />
      <InboxFilters params={params} queues={queues} onChange={show} />
      {error && <ErrorNotice error={error} />}
      {!connection && fetching && <Loading what="Loading tickets" />}
      {connection && (
        <>
          <InboxTable tickets={connection.edges.map((edge) => edge.node)} busy={fetching} />
          <nav className="row inbox-paging" aria-label="Pages">
            <button type="button" className="secondary" disabled={!params.after} onClick={() => goToPage(previous.at(-1) ?? null, { previous: previous.slice(0, -1) })}>
              Previous page
            </button>
            <span className="muted" aria-live="polite">
              Page {params.after && previous.length === 0 ? '(from a link)' : pageNumber}
            </span>
            <button
              type="button"
              className="secondary"
              disabled={!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor}
              onClick={() => goToPage(connection.pageInfo.endCursor ?? null, { previous: [...previous, params.after ?? null] })}
            >
              Next page
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
