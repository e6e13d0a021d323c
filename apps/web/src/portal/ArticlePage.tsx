import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { formatWhen } from '../lib/format-when';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';
import { MarkdownBody } from '../ui/MarkdownBody';

const PortalArticle = graphql(`
  query PortalArticle($id: ID!) {
    publicKnowledgeArticle(id: $id) {
      id
      title
      body
      tags
      updatedAt
    }
  }
`);

/** A public article, readable on a phone; the way back to the search, and to a request when it did not help. */
export function ArticlePage() {
  const { id = '' } = useParams();
  // Opened from a search: the way back keeps its results (the search put its words in the link's state).
  const search = (useLocation().state as { search?: string } | null)?.search;
  const [{ data, error, fetching }] = useQuery({ query: PortalArticle, variables: { id } });
  const article = data?.publicKnowledgeArticle;

  return (
    <>
      <nav aria-label="Breadcrumb" className="portal-breadcrumb">
        <Link to={`/portal${search ?? ''}`}>{search ? 'Back to the search results' : 'Help center'}</Link>
      </nav>
      {error && (
        <>
          <h1>Article not available</h1>
          <ErrorNotice error={error} />
        </>
      )}
      {!article && fetching && <Loading what="Loading the article" />}
      {article && (
        <article className="card portal-article">
          <h1>{article.title}</h1>
          <p className="muted">Updated {formatWhen(article.updatedAt)}</p>
          <MarkdownBody markdown={article.body} topHeading={2} />
          {article.tags.length > 0 && (
            <ul className="row portal-tags" aria-label="Tags">
              {article.tags.map((tag) => (
                <li key={tag} className="badge">
                  {tag}
                </li>
              ))}
            </ul>
          )}
        </article>
      )}
      <p className="portal-after-article">
        Still stuck? <Link to="/portal#portal-request-title">Send us a request</Link>.
      </p>
    </>
  );
}
