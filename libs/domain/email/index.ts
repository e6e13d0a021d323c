export { automaticMailReason, type InboundMailFacts } from './automatic-mail.js';
export {
  DEFAULT_EMAIL_TEMPLATES,
  EMAIL_TEMPLATE_KEYS,
  TEMPLATE_LIMITS,
  TEMPLATE_VARIABLES,
  TICKET_TEXT_VARIABLES,
  type EmailTemplate,
  type EmailTemplateKey,
} from './email-templates.js';
export { referencedMessageIds, ticketNumberInSubject, withTicketReference } from './mail-threading.js';
export { placeholdersOf, renderHeaderLine, renderTemplate, textToHtml, type Rendered } from './render-template.js';
export { templateError } from './template-validation.js';
