import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { templateProblems, templateShapeProblems, type RolloutTemplate } from '../../../libs/domain/rollout/index.js';
import { AuditService } from '../audit/audit.service.js';
import { userError } from '../common/user-error.js';
import type { RolloutTemplateModel } from './models/rollout-template.model.js';

const COLUMNS = 'id, name, description, version, body';

/** Plan templates: seeded from templates/rollouts by the migration, edited by admins (validated, audited). */
@Injectable()
export class RolloutTemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<RolloutTemplateModel[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM rollout_templates ORDER BY name, id`);
  }

  async get(id: string): Promise<RolloutTemplateModel> {
    const [row] = await this.dataSource.query<RolloutTemplateModel[]>(`SELECT ${COLUMNS} FROM rollout_templates WHERE id = $1`, [id]);
    if (!row) throw userError('NOT_FOUND', `There is no rollout template "${id}".`);
    return row;
  }

  /** Creates or replaces a template; refused with every problem named when it cannot be scheduled. */
  async save(body: unknown, actorUserId: string): Promise<RolloutTemplateModel> {
    const shape = templateShapeProblems(body);
    if (shape.length > 0) throw userError('BAD_USER_INPUT', `The template is malformed: ${shape.join(' ')}`, { problems: shape });
    const template = body as RolloutTemplate;
    const problems = templateProblems(template);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(template.id)) problems.unshift('The id must be lower-case letters, digits and dashes.');
    if (problems.length > 0) throw userError('BAD_USER_INPUT', `The template cannot be used: ${problems.join(' ')}`, { problems });
    return this.dataSource.transaction(async (db) => {
      const [before] = await db.query<RolloutTemplateModel[]>(`SELECT ${COLUMNS} FROM rollout_templates WHERE id = $1 FOR UPDATE`, [template.id]);
      const [saved] = await db.query<RolloutTemplateModel[]>(
        `INSERT INTO rollout_templates (id, name, description, body) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, body = EXCLUDED.body,
           version = rollout_templates.version + 1, updated_at = now()
         RETURNING ${COLUMNS}`,
        [template.id, template.name, template.description, JSON.stringify(template)],
      );
      await this.audit.record(
        {
          actorUserId,
          action: before ? 'rollout_template.updated' : 'rollout_template.created',
          entityType: 'rollout_template',
          entityId: template.id,
          before: before ? { ...before } : null,
          after: { ...saved },
        },
        db,
      );
      return saved;
    });
  }
}
