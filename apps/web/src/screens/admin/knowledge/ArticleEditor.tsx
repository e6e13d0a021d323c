import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrors } from '../../../api/errors';
import type { KnowledgeAudience, KnowledgeStatus } from '../../../gql/schema-types';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { FormField } from '../../../ui/FormField';
import { formatList, parseList } from '../text-lists';
import { AdminCreateKnowledgeArticleMutation, AdminUpdateKnowledgeArticleMutation } from './knowledge-operations';
import { MarkdownPreview } from './MarkdownPreview';

interface Article {
  id: string;
  title: string;
  body: string;
  tags: string[];
  status: KnowledgeStatus;
  audience: KnowledgeAudience;
  version: number;
}

interface Props {
  /** The article to edit, or none for a new one. */
  article?: Article;
  onSaved: (id: string, message: string) => void;
}

/**
 * An article's title, Markdown body, tags, status and audience, with the body previewed as readers will see it while
 * it is typed. An edit names the version it started from, so a newer save by someone else is refused (CONFLICT)
 * rather than overwritten.
 */
export function ArticleEditor({ article, onSaved }: Props) {
  const [title, setTitle] = useState(article?.title ?? '');
  const [body, setBody] = useState(article?.body ?? '');
  const [tags, setTags] = useState(formatList(article?.tags ?? []));
  const [status, setStatus] = useState<KnowledgeStatus>(article?.status ?? 'DRAFT');
  const [audience, setAudience] = useState<KnowledgeAudience>(article?.audience ?? 'INTERNAL');
  const [created, createArticle] = useMutation(AdminCreateKnowledgeArticleMutation);
  const [updated, updateArticle] = useMutation(AdminUpdateKnowledgeArticleMutation);
  const result = article ? updated : created;
  const errors = fieldErrors(result.error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { title, body, tags: parseList(tags), status, audience };
    if (article) {
      const answer = await updateArticle({ id: article.id, input: { ...input, expectedVersion: article.version } });
      if (answer.data) onSaved(article.id, `Saved “${answer.data.updateKnowledgeArticle.title}” (version ${answer.data.updateKnowledgeArticle.version}).`);
    } else {
      const answer = await createArticle({ input });
      if (answer.data) onSaved(answer.data.createKnowledgeArticle.id, `Created “${answer.data.createKnowledgeArticle.title}”.`);
    }
  }

  return (
    <div className="admin-two-columns">
      <form className="card" onSubmit={submit} aria-labelledby="article-editor-title">
        <h2 id="article-editor-title">{article ? `Edit “${article.title}” (version ${article.version})` : 'New article'}</h2>
        <FormField label="Title" error={errors.title}>
          <input value={title} onChange={(event) => setTitle(event.target.value)} />
        </FormField>
        <FormField label="Body (Markdown)" error={errors.body}>
          <textarea className="admin-editor" value={body} onChange={(event) => setBody(event.target.value)} />
        </FormField>
        <FormField label="Tags (comma-separated)" error={errors.tags}>
          <input value={tags} onChange={(event) => setTags(event.target.value)} />
        </FormField>
        <div className="row">
          <FormField label="Status" error={errors.status}>
            <select value={status} onChange={(event) => setStatus(event.target.value as KnowledgeStatus)}>
              <option value="DRAFT">Draft</option>
              <option value="PUBLISHED">Published</option>
              <option value="ARCHIVED">Archived</option>
            </select>
          </FormField>
          <FormField label="Audience" error={errors.audience}>
            <select value={audience} onChange={(event) => setAudience(event.target.value as KnowledgeAudience)}>
              <option value="INTERNAL">Internal (staff)</option>
              <option value="PUBLIC">Public (customers)</option>
            </select>
          </FormField>
        </div>
        {result.error && <ErrorNotice error={result.error} />}
        <div className="row">
          <button type="submit" disabled={result.fetching}>
            {article ? 'Save article' : 'Create article'}
          </button>
        </div>
      </form>
      <section className="card" aria-labelledby="article-preview-title">
        <h2 id="article-preview-title">Preview</h2>
        <MarkdownPreview markdown={body} />
      </section>
    </div>
  );
}
