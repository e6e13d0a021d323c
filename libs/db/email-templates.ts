import type { EntityManager } from 'typeorm';
import { DEFAULT_EMAIL_TEMPLATES, type EmailTemplate, type EmailTemplateKey } from '../domain/email/email-templates.js';
import { EmailTemplateEntity } from './entities/email-template.entity.js';

/** The wording in force for a mail: the admin's (`override`), or the shipped default when there is none. */
export async function emailTemplateInForce(
  manager: EntityManager,
  key: EmailTemplateKey,
): Promise<{ template: EmailTemplate; override: EmailTemplateEntity | null }> {
  const override = await manager.findOneBy(EmailTemplateEntity, { key });
  return { template: override ? { subject: override.subject, body: override.body } : DEFAULT_EMAIL_TEMPLATES[key], override };
}
