import { DEFAULT_EMAIL_TEMPLATES, EMAIL_TEMPLATE_KEYS, TEMPLATE_LIMITS } from './email-templates.js';
import { placeholdersOf } from './render-template.js';
import { templateError } from './template-validation.js';

describe('templateError', () => {
  it.each(EMAIL_TEMPLATE_KEYS)('accepts the shipped %s template', (key) => {
    expect(templateError(key, DEFAULT_EMAIL_TEMPLATES[key])).toBeNull();
  });

  it('the shipped survey mails carry the survey link', () => {
    expect(placeholdersOf(DEFAULT_EMAIL_TEMPLATES.survey.body)).toContain('survey.url');
    expect(placeholdersOf(DEFAULT_EMAIL_TEMPLATES.survey_reminder.body)).toContain('survey.url');
  });

  it('the shipped acknowledgment carries the link to the request in the customer portal', () => {
    expect(placeholdersOf(DEFAULT_EMAIL_TEMPLATES.acknowledgment.body)).toContain('request.url');
  });

  it.each<[Parameters<typeof templateError>[0], string, string, string]>([
    ['acknowledgment', 'Hi', 'Your survey: {{survey.url}}', 'Unknown variable(s) {{survey.url}} in the acknowledgment template'],
    ['solved', 'Hi {{ticket.secret}}', 'x', 'Unknown variable(s) {{ticket.secret}}'],
    ['agent_reply', ' ', 'x', 'The subject must not be empty.'],
    ['agent_reply', 'x', '', 'The body must not be empty.'],
    ['survey', 'x'.repeat(TEMPLATE_LIMITS.subjectMaxLength + 1), 'x', 'The subject must be at most'],
  ])('refuses a %s template with subject %j and body %j', (key, subject, body, error) => {
    expect(templateError(key, { subject, body })).toContain(error);
  });

  it('allows a variable in the templates that are given it', () => {
    expect(templateError('survey', { subject: 'Survey', body: '{{survey.url}} until {{survey.expiresAt}}' })).toBeNull();
    expect(templateError('agent_reply', { subject: 'Re', body: '{{message.body}}' })).toBeNull();
  });
});
