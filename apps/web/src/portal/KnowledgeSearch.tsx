import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Highlighted } from '../ui/Highlighted';
import { Loading } from '../ui/Loading';

const PortalKnowledgeSearch = graphql(`
  query PortalKnowledgeSearch($query: String!, $first: Int!) {
    publicKnowledgeSearch(query: $query, first: $first) {
      searchId
      hits {
        titleHighlight
        snippet
        article {
          id
        }
      }
    }
  }
`);

const PortalRecordSearchClick = graphql(`
  mutation PortalRecordSearchClick($searchId: ID!, $articleId: ID!) {
    recordKnowledgeSearchClick(searchId: $searchId, articleId: $articleId) {
      searchId
    }
  }
`);

const RESULTS = 10;

/** Searches the public articles; the words live in the address (?q=), so coming back from an article shows the same results. */
export function KnowledgeSearch() {
  const [params, setParams] = useSearchParams();
  const searched = params.get('q')?.trim() ?? '';
  const [words, setWords] = useState(searched);
  // Each search is logged once by the API (the self-service rate): never re-run it from the cache's background refresh.
  const [{ data, fetching, error }] = useQuery({
    query: PortalKnowledgeSearch,
    variables: { query: searched, first: RESULTS },
    pause: searched === '',
    requestPolicy: 'cache-first',
  });
  const [, recordClick] = useMutation(PortalRecordSearchClick);

  function search(event: FormEvent) {
    event.preventDefault();
    setParams(words.trim() ? { q: words.trim() } : {});
  }

  const result = data?.publicKnowledgeSearch;
  return (
    <section className="card portal-section" aria-labelledby="portal-search-title">
      <h2 id="portal-search-title">Search our articles</h2>
      <form role="search" className="portal-search" onSubmit={search}>
        <label>
          Search articles
          <input type="search" value={words} onChange={(event) => setWords(event.target.value)} placeholder="e.g. reset password" />
        </label>
        <button type="submit">Search</button>
      </form>
      {fetching && <Loading what="Searching" />}
      {error && <ErrorNotice error={error} />}
      {result && !fetching && (
        <>
          <p role="status" className="muted">
            {result.hits.length === 0
              ? `No article matches “${searched}”. Try other words, or send us a request below.`
              : `${result.hits.length} article${result.hits.length === 1 ? '' : 's'} found.`}
          </p>
          <ul className="portal-hits">
            {result.hits.map((hit) => (
              <li key={hit.article.id}>
                <Link
                  to={`/portal/articles/${hit.article.id}`}
                  state={{ search: `?${params.toString()}` }}
                  onClick={() => void recordClick({ searchId: result.searchId, articleId: hit.article.id })}
                >
                  <Highlighted html={hit.titleHighlight} />
                </Link>
                <p className="muted">
                  <Highlighted html={hit.snippet} />
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
