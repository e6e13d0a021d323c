import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Highlighted } from '../../ui/Highlighted';
import { Loading } from '../../ui/Loading';

const KnowledgeQuery = graphql(`
  query TicketsKnowledge($ticketId: ID!) {
    ticketKnowledgeLinks(ticketId: $ticketId) {
      id
      article {
        id
        title
      }
    }
    suggestKnowledgeArticles(ticketId: $ticketId, first: 5) {
      snippet
      article {
        id
        title
      }
    }
  }
`);

const LinkArticleMutation = graphql(`
  mutation TicketsLinkArticle($input: LinkKnowledgeArticleInput!) {
    linkKnowledgeArticle(input: $input) {
      id
    }
  }
`);

/** The articles linked to the ticket, and published ones that may answer it (one click links them). */
export function KnowledgePanel({ ticketId }: { ticketId: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: KnowledgeQuery, variables: { ticketId } });
  const [linking, link] = useMutation(LinkArticleMutation);
  const linkedIds = new Set(data?.ticketKnowledgeLinks.map((linked) => linked.article.id));
  const suggestions = data?.suggestKnowledgeArticles.filter((hit) => !linkedIds.has(hit.article.id)) ?? [];

  const linkArticle = async (articleId: string) => {
    const result = await link({ input: { ticketId, articleId } });
    if (!result.error) refetch({ requestPolicy: 'network-only' });
  };

  return (
    <section className="card" aria-labelledby="knowledge-title">
      <h2 id="knowledge-title">Knowledge</h2>
      {error && <ErrorNotice error={error} />}
      {linking.error && <ErrorNotice error={linking.error} />}
      {!data && fetching && <Loading what="Loading articles" />}
      {data && (
        <>
          <h3>Linked articles</h3>
          {data.ticketKnowledgeLinks.length === 0 ? (
            <p className="muted">None linked yet.</p>
          ) : (
            <ul className="knowledge-list" aria-label="Linked articles">
              {data.ticketKnowledgeLinks.map((linked) => (
                <li key={linked.id}>{linked.article.title}</li>
              ))}
            </ul>
          )}
          <h3>Suggested articles</h3>
          {suggestions.length === 0 ? (
            <p className="muted">No published article matches this ticket.</p>
          ) : (
            <ul className="knowledge-list" aria-label="Suggested articles">
              {suggestions.map((hit) => (
                <li key={hit.article.id} className="knowledge-suggestion">
                  <div>
                    <strong>{hit.article.title}</strong>
                    <p className="muted knowledge-snippet">
                      <Highlighted html={hit.snippet} />
                    </p>
                  </div>
                  <button type="button" className="secondary" disabled={linking.fetching} onClick={() => void linkArticle(hit.article.id)} aria-label={`Link “${hit.article.title}” to this ticket`}>
                    Link
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
