import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { placeholdersOf, renderHeaderLine, renderTemplate } from '../../../../../../libs/domain/email/render-template';
import type { EmailTemplateKey } from '../../../gql/schema-types';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { FormField } from '../../../ui/FormField';
import { AdminResetEmailTemplateMutation, AdminUpdateEmailTemplateMutation } from './email-operations';
import { sampleValues } from './sample-values';

interface Template {
  key: EmailTemplateKey;
  subject: string;
  body: string;
  customized: boolean;
  variables: string[];
}

/**
 * One template's subject and body with a live preview filled with example values by the same renderer the mailer
 * uses (libs/domain/email), so what is previewed is what is sent. Placeholders the template does not get are flagged
 * before saving; the API refuses them too.
 */
export function EmailTemplateEditor({ template, label, onSaved }: { template: Template; label: string; onSaved: (message: string) => void }) {
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [saved, save] = useMutation(AdminUpdateEmailTemplateMutation);
  const [reset, resetTemplate] = useMutation(AdminResetEmailTemplateMutation);
  const values = sampleValues(template.variables);
  const unknown = placeholdersOf(`${subject}\n${body}`).filter((name) => !template.variables.includes(name));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await save({ input: { key: template.key, subject, body } });
    if (answer.data) onSaved(`Saved the ${label} template.`);
  }

  async function restoreDefault() {
    const answer = await resetTemplate({ key: template.key });
    if (!answer.data) return;
    setSubject(answer.data.resetEmailTemplate.subject);
    setBody(answer.data.resetEmailTemplate.body);
    onSaved(`The ${label} template is back to the shipped wording.`);
  }

  return (
    <div className="admin-two-columns">
      <form className="card" onSubmit={submit} aria-labelledby="template-editor-title">
        <h2 id="template-editor-title">
          {label} {template.customized ? <span className="badge badge-info">Customized</span> : <span className="badge">Default</span>}
        </h2>
        <FormField label="Subject">
          <input required value={subject} onChange={(event) => setSubject(event.target.value)} />
        </FormField>
        <FormField label="Body">
          <textarea className="admin-editor" required value={body} onChange={(event) => setBody(event.target.value)} />
        </FormField>
        <p className="muted">
          Variables: {template.variables.map((name) => `{{${name}}}`).join(', ')}
        </p>
        {unknown.length > 0 && (
          <p className="field-error">
            This template does not get {unknown.map((name) => `{{${name}}}`).join(', ')}: they would be left empty.
          </p>
        )}
        {saved.error && <ErrorNotice error={saved.error} />}
        {reset.error && <ErrorNotice error={reset.error} />}
        <div className="row">
          <button type="submit" disabled={saved.fetching}>
            Save template
          </button>
          <button type="button" className="secondary" disabled={reset.fetching || !template.customized} onClick={restoreDefault}>
            Reset to default
          </button>
        </div>
      </form>
      <section className="card email-preview" aria-labelledby="template-preview-title">
        <h2 id="template-preview-title">Preview</h2>
        <p>
          <strong>Subject:</strong> <span data-testid="preview-subject">{renderHeaderLine(subject, values).text}</span>
        </p>
        <pre data-testid="preview-body">{renderTemplate(body, values).text}</pre>
      </section>
    </div>
  );
}
