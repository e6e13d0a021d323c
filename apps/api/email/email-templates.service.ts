import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { emailTemplateInForce } from '../../../libs/db/email-templates.js';
import { EmailTemplateEntity } from '../../../libs/db/entities/email-template.entity.js';
import { EMAIL_TEMPLATE_KEYS, TEMPLATE_VARIABLES, templateError, type EmailTemplateKey } from '../../../libs/domain/email/index.js';
import { AuditService } from '../audit/audit.service.js';
import { userError } from '../common/user-error.js';
import type { UpdateEmailTemplateInput } from './dto/update-email-template.input.js';
import type { EmailTemplateModel } from './models/email-template.model.js';

/** Admins' wording of the customer mails; every change is audited with its before and after. */
@Injectable()
export class EmailTemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<EmailTemplateModel[]> {
    return Promise.all(EMAIL_TEMPLATE_KEYS.map((key) => this.get(this.dataSource.manager, key)));
  }

  /** Refuses (BAD_USER_INPUT) a template with variables it does not get, before anything is written. */
  update(input: UpdateEmailTemplateInput, actorUserId: string): Promise<EmailTemplateModel> {
    const refusal = templateError(input.key, input);
    if (refusal) throw userError('BAD_USER_INPUT', refusal);
    return this.write(input.key, actorUserId, (manager) =>
      manager.upsert(EmailTemplateEntity, { key: input.key, subject: input.subject, body: input.body, updatedBy: actorUserId }, ['key']),
    );
  }

  /** Back to the shipped default. */
  reset(key: EmailTemplateKey, actorUserId: string): Promise<EmailTemplateModel> {
    return this.write(key, actorUserId, (manager) => manager.delete(EmailTemplateEntity, { key }));
  }

  private write(key: EmailTemplateKey, actorUserId: string, change: (manager: EntityManager) => Promise<unknown>): Promise<EmailTemplateModel> {
    return this.dataSource.transaction(async (manager) => {
      // Serialises writers of this template, so each audit entry's "before" is what the change replaced.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`email_template:${key}`]);
      const before = await this.get(manager, key);
      await change(manager);
      const after = await this.get(manager, key);
      await this.audit.record(
        { actorUserId, action: 'email_template.updated', entityType: 'email_template', entityId: key, before: snapshot(before), after: snapshot(after) },
        manager,
      );
      return after;
    });
  }

  private async get(manager: EntityManager, key: EmailTemplateKey): Promise<EmailTemplateModel> {
    const { template, override } = await emailTemplateInForce(manager, key);
    return { key, ...template, variables: TEMPLATE_VARIABLES[key], customized: override !== null, updatedAt: override?.updatedAt ?? null };
  }
}

function snapshot(template: EmailTemplateModel): Record<string, unknown> {
  return { subject: template.subject, body: template.body, customized: template.customized };
}
