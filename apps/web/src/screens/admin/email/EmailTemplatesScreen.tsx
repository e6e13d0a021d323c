import { useId, useState } from 'react';
import { useQuery } from 'urql';
import type { EmailTemplateKey } from '../../../gql/schema-types';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Loading } from '../../../ui/Loading';
import { StatusNotice } from '../../../ui/StatusNotice';
import { useReloadAfterSave } from '../use-reload-after-save';
import { AdminEmailTemplatesQuery } from './email-operations';
import { EmailTemplateEditor } from './EmailTemplateEditor';

/** The names a person knows the customer mails by. */
const TEMPLATE_LABELS: Record<EmailTemplateKey, string> = {
  ACKNOWLEDGMENT: 'Acknowledgment',
  AGENT_REPLY: 'Agent reply',
  SOLVED: 'Solved',
  SURVEY: 'Survey',
  SURVEY_REMINDER: 'Survey reminder',
  MERGED: 'Merged',
  ROLLOUT_TASK_OVERDUE: 'Rollout: task overdue',
  ROLLOUT_GATE_WAITING: 'Rollout: gate waiting',
};

/** The customer mails' wording: choose one, edit it beside its preview, save or reset it to the default. */
export function EmailTemplatesScreen() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminEmailTemplatesQuery });
  const [key, setKey] = useState<EmailTemplateKey>('ACKNOWLEDGMENT');
  const { status, reload } = useReloadAfterSave(refetch);
  const pickerId = useId();
  const template = data?.emailTemplates.find((candidate) => candidate.key === key);

  return (
    <section className="stack" aria-labelledby="email-title">
      <h1 id="email-title">Email templates</h1>
      <StatusNotice message={status} />
      {error && <ErrorNotice error={error} />}
      {!data && fetching && <Loading what="Loading email templates" />}
      {data && (
        <>
          <div className="row">
            <label htmlFor={pickerId}>Template</label>
            <select id={pickerId} value={key} onChange={(event) => setKey(event.target.value as EmailTemplateKey)}>
              {data.emailTemplates.map((candidate) => (
                <option key={candidate.key} value={candidate.key}>
                  {TEMPLATE_LABELS[candidate.key]}
                  {candidate.customized ? ' (customized)' : ''}
                </option>
              ))}
            </select>
          </div>
          {template && (
            <EmailTemplateEditor
              key={`${template.key}-${template.customized}`}
              template={template}
              label={TEMPLATE_LABELS[template.key]}
              onSaved={reload}
            />
          )}
        </>
      )}
    </section>
  );
}
