import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SURVEY_SETTINGS_ID, SurveySettingsEntity } from '../../../libs/db/entities/survey-settings.entity.js';
import { surveySettingsError, type SurveySettings } from '../../../libs/domain/survey/survey-settings.js';
import { AuditService } from '../audit/audit.service.js';
import { userError } from '../common/user-error.js';
import { AuditedWrites } from '../sla-config/audited-writes.js';
import type { UpdateSurveySettingsInput } from './dto/survey-settings.input.js';
import type { SurveySettingsModel } from './models/survey-settings.model.js';

/** The single survey settings row the migration created; every change is audited. */
@Injectable()
export class SurveySettingsService {
  private readonly rows: AuditedWrites<SurveySettingsEntity>;

  constructor(dataSource: DataSource, audit: AuditService) {
    this.rows = new AuditedWrites(dataSource, audit, { entity: SurveySettingsEntity, entityType: 'survey_settings', snapshot: (row) => ({ ...settingsOf(row) }), find: read });
  }

  async get(): Promise<SurveySettingsModel> {
    return toModel(await this.rows.get(SURVEY_SETTINGS_ID));
  }

  async update(input: UpdateSurveySettingsInput, actorUserId: string): Promise<SurveySettingsModel> {
    if (input.noReminder && input.reminderAfterDays !== undefined) {
      throw userError('BAD_USER_INPUT', 'Give either reminderAfterDays or noReminder: true, not both.');
    }
    const after = await this.rows.update(SURVEY_SETTINGS_ID, actorUserId, async (manager, before) => {
      const { noReminder, ...changes } = input;
      const settings: SurveySettings = { ...settingsOf(before), ...changes, ...(noReminder ? { reminderAfterDays: null } : {}) };
      const error = surveySettingsError(settings);
      if (error) throw userError('BAD_USER_INPUT', error);
      await manager.update(SurveySettingsEntity, { id: SURVEY_SETTINGS_ID }, settings);
    });
    return toModel(after);
  }
}

/** The row, locked for the write that follows when `forUpdate`. */
function read(manager: EntityManager, id: number, forUpdate: boolean): Promise<SurveySettingsEntity> {
  return manager.findOneOrFail(SurveySettingsEntity, { where: { id }, ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
}

function settingsOf({ enabled, trigger, delayMinutes, reminderAfterDays, expiresAfterDays, askNps }: SurveySettingsEntity): Required<SurveySettings> {
  return { enabled, trigger, delayMinutes, reminderAfterDays, expiresAfterDays, askNps };
}

function toModel(row: SurveySettingsEntity): SurveySettingsModel {
  return { ...settingsOf(row), updatedAt: row.updatedAt };
}
