/**
 * The mails the help desk sends a customer, and the rollout notifications it sends its own people (task owners and a
 * rollout's lead); admins edit their wording, the code decides when each is sent.
 */
export const EMAIL_TEMPLATE_KEYS = [
  'acknowledgment',
  'agent_reply',
  'solved',
  'survey',
  'survey_reminder',
  'merged',
  'rollout_task_overdue',
  'rollout_gate_waiting',
] as const;
export type EmailTemplateKey = (typeof EMAIL_TEMPLATE_KEYS)[number];

export interface EmailTemplate {
  subject: string;
  /** Plain text with `{{variable}}` placeholders; the HTML part is this text, escaped. */
  body: string;
}

/** What every text written to a ticket's customer may use: the ticket, its customer, the agent, the help desk. */
export const TICKET_TEXT_VARIABLES = [
  'ticket.id',
  'ticket.number',
  'ticket.subject',
  'ticket.status',
  'customer.email',
  'customer.name',
  'agent.name',
  'helpdesk.address',
] as const;

/** What every rollout notification may use: the rollout, the person it is sent to, the help desk. */
export const ROLLOUT_TEXT_VARIABLES = ['rollout.id', 'rollout.name', 'recipient.name', 'helpdesk.address'] as const;

/** The variables each template may use: the sender fills every one of them (an empty string when unknown). */
export const TEMPLATE_VARIABLES: Record<EmailTemplateKey, readonly string[]> = {
  acknowledgment: [...TICKET_TEXT_VARIABLES, 'request.url'],
  agent_reply: [...TICKET_TEXT_VARIABLES, 'message.body'],
  solved: TICKET_TEXT_VARIABLES,
  survey: [...TICKET_TEXT_VARIABLES, 'survey.url', 'survey.expiresAt'],
  survey_reminder: [...TICKET_TEXT_VARIABLES, 'survey.url', 'survey.expiresAt'],
  merged: [...TICKET_TEXT_VARIABLES, 'primary.number', 'primary.subject'],
  rollout_task_overdue: [...ROLLOUT_TEXT_VARIABLES, 'task.title', 'task.dueDate'],
  rollout_gate_waiting: [...ROLLOUT_TEXT_VARIABLES, 'phase.name'],
};

/** Size limits of an admin's template, checked before it is saved. */
export const TEMPLATE_LIMITS = { subjectMaxLength: 200, bodyMaxLength: 20_000 } as const;

/** What the help desk sends until an admin changes it (the survey ones must carry `{{survey.url}}`). */
export const DEFAULT_EMAIL_TEMPLATES: Record<EmailTemplateKey, EmailTemplate> = {
  acknowledgment: {
    subject: 'We received your request: {{ticket.subject}}',
    body:
      'Hello {{customer.name}},\n\nThank you for writing to us. Your request "{{ticket.subject}}" is ticket #{{ticket.number}}; ' +
      'an agent will answer you soon.\n\nFollow it and answer us on this page: {{request.url}}\n\n' +
      'Or reply to this mail to add anything to it. Keep the link to yourself: whoever has it can read your request.',
  },
  agent_reply: {
    subject: 'Re: {{ticket.subject}}',
    body: '{{message.body}}\n\n{{agent.name}}\n\nReply to this mail to answer.',
  },
  solved: {
    subject: 'Solved: {{ticket.subject}}',
    body:
      'Hello {{customer.name}},\n\nWe consider your request "{{ticket.subject}}" (#{{ticket.number}}) solved. ' +
      'If it is not, just reply to this mail and we will reopen it.',
  },
  survey: {
    subject: 'How did we do? {{ticket.subject}}',
    body:
      'Hello {{customer.name}},\n\nPlease tell us how we handled "{{ticket.subject}}" (#{{ticket.number}}): {{survey.url}}\n\n' +
      'The survey is open until {{survey.expiresAt}}.',
  },
  survey_reminder: {
    subject: 'Reminder: how did we do? {{ticket.subject}}',
    body:
      'Hello {{customer.name}},\n\nA minute of your time would help us: {{survey.url}}\n\n' +
      'The survey about "{{ticket.subject}}" (#{{ticket.number}}) closes at {{survey.expiresAt}}.',
  },
  merged: {
    subject: 'Merged into #{{primary.number}}: {{ticket.subject}}',
    body:
      'Hello {{customer.name}},\n\nYour request "{{ticket.subject}}" (#{{ticket.number}}) is about the same thing as ' +
      '"{{primary.subject}}" (#{{primary.number}}), so we merged the two: we will answer you on #{{primary.number}}.\n\n' +
      'Reply to this mail to add anything.',
  },
  rollout_task_overdue: {
    subject: 'Overdue in {{rollout.name}}: {{task.title}}',
    body:
      'Hello {{recipient.name}},\n\nThe task "{{task.title}}" of the rollout "{{rollout.name}}" was due {{task.dueDate}} ' +
      'and is not done yet. Complete it, or give it a new due date, so the plan shows when it will be.',
  },
  rollout_gate_waiting: {
    subject: 'Gate waiting in {{rollout.name}}: {{phase.name}}',
    body:
      'Hello {{recipient.name}},\n\nEvery task of the phase "{{phase.name}}" of the rollout "{{rollout.name}}" is done: ' +
      'its gate waits for your decision (approve it, or override it with a reason).',
  },
};
