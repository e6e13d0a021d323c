import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { enumLabel } from '../../../lib/enum-label';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Highlighted } from '../../../ui/Highlighted';
import { Loading } from '../../../ui/Loading';
import { StatusNotice } from '../../../ui/StatusNotice';
import { ArticleEditor } from './ArticleEditor';
import { AdminKnowledgeArticleQuery, AdminSearchKnowledgeQuery } from './knowledge-operations';

/** Knowledge articles: find one by its words (drafts and archived ones too) to edit it, or write a new one. */
export function KnowledgeScreen() {
  const [draftQuery, setDraftQuery] = useState('');
  const [query, setQuery] = useState('');
  const [editingId, setEditingId] = useState<string | null>(null);
  const [writingNew, setWritingNew] = useState(false);
  const [status, setStatus] = useState<string>();
  const [search, researchArticles] = useQuery({ query: AdminSearchKnowledgeQuery, variables: { query }, pause: query === '' });
  const [opened] = useQuery({ query: AdminKnowledgeArticleQuery, variables: { id: editingId ?? '' }, pause: !editingId, requestPolicy: 'network-only' });
  const article = opened.data?.knowledgeArticle.id === editingId ? opened.data?.knowledgeArticle : undefined;

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    setQuery(draftQuery.trim());
  }

  return (
    <section className="stack" aria-labelledby="knowledge-title">
      <div className="page-header">
        <h1 id="knowledge-title">Knowledge articles</h1>
        <button
          type="button"
          onClick={() => {
            setEditingId(null);
            setWritingNew(true);
          }}
        >
          New article
        </button>
      </div>
      <StatusNotice message={status} />
      <form className="row" role="search" onSubmit={submitSearch}>
        <label className="inline">
          Find articles{' '}
          <input type="search" value={draftQuery} onChange={(event) => setDraftQuery(event.target.value)} placeholder="e.g. password reset" />
        </label>
        <button type="submit" className="secondary">
          Search
        </button>
      </form>
      {search.error && <ErrorNotice error={search.error} />}
      {search.fetching && !search.data && <Loading what="Searching" />}
      {query !== '' && search.data && (
        <>
          {search.data.searchKnowledgeArticles.length === 0 ? (
            <p className="muted">No article matches “{query}”.</p>
          ) : (
            <ul className="stack" aria-label="Search results">
              {search.data.searchKnowledgeArticles.map((hit) => (
                <li key={hit.article.id}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setWritingNew(false);
                      setEditingId(hit.article.id);
                    }}
                  >
                    <Highlighted html={hit.titleHighlight} />
                  </button>{' '}
                  <span className="badge">{enumLabel(hit.article.status)}</span> <span className="badge badge-info">{enumLabel(hit.article.audience)}</span>
                  <div className="muted admin-snippet">
                    <Highlighted html={hit.snippet} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {opened.error && <ErrorNotice error={opened.error} />}
      {editingId && !article && opened.fetching && <Loading what="Opening the article" />}
      {(writingNew || article) && (
        <ArticleEditor
          key={article ? `${article.id}-${article.version}` : 'new'}
          article={article}
          onSaved={(id, message) => {
            setStatus(message);
            setWritingNew(false);
            setEditingId(id);
            if (query) researchArticles({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </section>
  );
}
