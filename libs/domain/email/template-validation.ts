import { TEMPLATE_LIMITS, TEMPLATE_VARIABLES, type EmailTemplate, type EmailTemplateKey } from './email-templates.js';
import { placeholdersOf } from './render-template.js';

/** Why an admin's template cannot be saved, or null: empty parts, sizes, and variables the template does not get. */
export function templateError(key: EmailTemplateKey, template: EmailTemplate): string | null {
  if (template.subject.trim() === '') return 'The subject must not be empty.';
  if (template.body.trim() === '') return 'The body must not be empty.';
  if (template.subject.length > TEMPLATE_LIMITS.subjectMaxLength) {
    return `The subject must be at most ${TEMPLATE_LIMITS.subjectMaxLength} characters.`;
  }
  if (template.body.length > TEMPLATE_LIMITS.bodyMaxLength) return `The body must be at most ${TEMPLATE_LIMITS.bodyMaxLength} characters.`;
  const allowed = TEMPLATE_VARIABLES[key];
  const unknown = placeholdersOf(`${template.subject}\n${template.body}`).filter((name) => !allowed.includes(name));
  if (unknown.length > 0) {
    return `Unknown variable(s) ${unknown.map((name) => `{{${name}}}`).join(', ')} in the ${key} template; it may use ${allowed.join(', ')}.`;
  }
  return null;
}
