import type { EntityManager } from 'typeorm';
import { DEFAULT_EMAIL_TEMPLATES, type EmailTemplate, type EmailTemplateKey } from '../domain/email/email-templates.js';
import { EmailTemplateEntity } from './entities/email-template.entity.js';

/** The wording in force for a mail: the admin's, or the shipped default. */
export async function effectiveEmailTemplate(manager: EntityManager, key: EmailTemplateKey): Promise<EmailTemplate> {
  const row = await manager.findOneBy(EmailTemplateEntity, { key });
  return row ? { subject: row.subject, body: row.body } : DEFAULT_EMAIL_TEMPLATES[key];
}
