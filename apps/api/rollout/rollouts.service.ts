import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isCalendarDate, type RolloutTemplate } from '../../../libs/domain/rollout/index.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { userError } from '../common/user-error.js';
import { assertUuid } from '../sla-config/config-errors.js';
import type { CreateRolloutInput } from './dto/create-rollout.input.js';
import type { RolloutModel, RolloutSummaryModel, RolloutTimelineEntryModel } from './models/rollout.model.js';
import { RolloutWorkflowsClient } from './rollout-workflows.client.js';
import { rolloutView, type RolloutRow } from './rollout-view.js';

/** The roles that may lead a rollout. */
const LEAD_ROLES = ['implementation_lead', 'admin'];

/** Rollouts: created from a template (row first, then the workflow), read as row plus live workflow state. */
@Injectable()
export class RolloutsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: RolloutWorkflowsClient,
  ) {}

  async create(input: CreateRolloutInput, createdBy: string): Promise<RolloutModel> {
    if (!isCalendarDate(input.startDate)) throw userError('BAD_USER_INPUT', `startDate must be a date (YYYY-MM-DD), not "${input.startDate}".`);
    if (input.targetGoLive != null) {
      if (!isCalendarDate(input.targetGoLive)) throw userError('BAD_USER_INPUT', `targetGoLive must be a date (YYYY-MM-DD), not "${input.targetGoLive}".`);
      if (input.targetGoLive < input.startDate) {
        throw userError('BAD_USER_INPUT', `The target go-live ${input.targetGoLive} is before the start ${input.startDate}; a rollout cannot end before it starts.`);
      }
    }
    const [templateRow] = await this.dataSource.query<Array<{ body: RolloutTemplate }>>('SELECT body FROM rollout_templates WHERE id = $1', [input.templateId]);
    if (!templateRow) throw userError('BAD_USER_INPUT', `There is no rollout template "${input.templateId}".`, { field: 'templateId' });
    const template = templateRow.body;
    const people = await this.checkedPeople(template, input.people);
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO rollouts (id, name, template_id, plan, start_date, target_go_live, people, lead_id, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, input.name.trim(), input.templateId, JSON.stringify(template), input.startDate, input.targetGoLive ?? null, JSON.stringify(people), people.lead, createdBy],
    );
    try {
      await this.workflows.start({ rolloutId: id, template, startDate: input.startDate, people });
    } catch (error) {
      // No rollout row without its workflow.
      await this.dataSource.query('DELETE FROM rollouts WHERE id = $1', [id]);
      throw error;
    }
    return this.get(id);
  }

  /** Every role of the template has exactly one existing person; the lead can lead. */
  private async checkedPeople(template: RolloutTemplate, given: CreateRolloutInput['people']): Promise<Record<string, string>> {
    const people: Record<string, string> = {};
    for (const { role, userId } of given) {
      if (!template.roles.includes(role)) throw userError('BAD_USER_INPUT', `The template "${template.id}" has no role "${role}"; its roles are ${template.roles.join(', ')}.`);
      if (people[role]) throw userError('BAD_USER_INPUT', `The role "${role}" is given twice.`);
      people[role] = userId;
    }
    const missing = template.roles.filter((role) => !people[role]);
    if (missing.length > 0) throw userError('BAD_USER_INPUT', `Name a person for each role of the template; missing: ${missing.join(', ')}.`);
    const users = await this.dataSource.query<Array<{ id: string; roles: string[] }>>('SELECT id, roles FROM users WHERE id = ANY($1::uuid[]) AND active', [
      [...new Set(Object.values(people))],
    ]);
    const known = new Map(users.map((user) => [user.id, user.roles]));
    for (const [role, userId] of Object.entries(people)) {
      if (!known.has(userId)) throw userError('BAD_USER_INPUT', `The ${role} ${userId} is not an active user.`);
    }
    if (!known.get(people.lead)!.some((role) => LEAD_ROLES.includes(role))) {
      throw userError('BAD_USER_INPUT', 'The lead must be an implementation lead or an admin.');
    }
    return people;
  }

  async get(id: string): Promise<RolloutModel> {
    return rolloutView(await this.row(id), await this.workflows.state(id));
  }

  async row(id: string): Promise<RolloutRow> {
    assertUuid(id, 'a rollout');
    const [row] = await this.dataSource.query<RolloutRow[]>(
      `SELECT id, name, template_id, plan, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(target_go_live, 'YYYY-MM-DD') AS target_go_live, people, baseline FROM rollouts WHERE id = $1`,
      [id],
    );
    if (!row) throw userError('NOT_FOUND', `There is no rollout ${id}.`);
    return row;
  }

  /**
   * The rollout's row, when the caller may take its lead's decisions: its named lead (`people.lead`) or an admin. Another
   * implementation lead runs rollouts of their own, not this one.
   */
  async rowForLead(id: string, caller: AuthenticatedUser): Promise<RolloutRow> {
    const row = await this.row(id);
    if (row.people.lead !== caller.id && !caller.roles.includes('admin')) {
      throw userError('FORBIDDEN', `Only the lead of the rollout "${row.name}" or an admin may decide its gates; you are not its lead.`);
    }
    return row;
  }

  list(): Promise<RolloutSummaryModel[]> {
    return this.dataSource.query(
      `SELECT id, name, template_id AS "templateId", to_char(start_date, 'YYYY-MM-DD') AS "startDate" FROM rollouts ORDER BY created_at DESC, id`,
    );
  }

  async timeline(id: string): Promise<RolloutTimelineEntryModel[]> {
    await this.row(id);
    return this.dataSource.query(
      `SELECT sequence, type, actor, occurred_at AS "occurredAt", data FROM rollout_events WHERE rollout_id = $1 ORDER BY sequence`,
      [id],
    );
  }

  /** Whether a user can own a task: an active user. */
  async requireActiveUser(userId: string): Promise<void> {
    assertUuid(userId, 'a user');
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM users WHERE id = $1 AND active', [userId]);
    if (rows.length === 0) throw userError('BAD_USER_INPUT', `${userId} is not an active user.`);
  }
}
