import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { HELPDESK_SETTINGS_ID, HelpdeskSettingsEntity } from '../../../libs/db/entities/helpdesk-settings.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { AuditedWrites } from './audited-writes.js';
import type { UpdateHelpdeskSettingsInput } from './dto/helpdesk-settings.input.js';
import type { HelpdeskSettingsModel } from './models/helpdesk-settings.model.js';

/** The single settings row the migration created. */
@Injectable()
export class HelpdeskSettingsService {
  private readonly rows: AuditedWrites<HelpdeskSettingsEntity>;

  constructor(dataSource: DataSource, audit: AuditService) {
    this.rows = new AuditedWrites(dataSource, audit, {
      entity: HelpdeskSettingsEntity,
      entityType: 'helpdesk_settings',
      snapshot,
      find: read,
    });
  }

  async get(): Promise<HelpdeskSettingsModel> {
    return toModel(await this.rows.get(HELPDESK_SETTINGS_ID));
  }

  async update(input: UpdateHelpdeskSettingsInput, actorUserId: string): Promise<HelpdeskSettingsModel> {
    const after = await this.rows.update(HELPDESK_SETTINGS_ID, actorUserId, (manager) =>
      manager.update(HelpdeskSettingsEntity, { id: HELPDESK_SETTINGS_ID }, { autoCloseDays: input.autoCloseDays }),
    );
    return toModel(after);
  }
}

/** The row, locked for the write that follows when `forUpdate`. */
function read(manager: EntityManager, id: number, forUpdate: boolean): Promise<HelpdeskSettingsEntity> {
  return manager.findOneOrFail(HelpdeskSettingsEntity, {
    where: { id },
    ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
}

function toModel(settings: HelpdeskSettingsEntity): HelpdeskSettingsModel {
  return { autoCloseDays: settings.autoCloseDays, updatedAt: settings.updatedAt };
}

function snapshot(settings: HelpdeskSettingsEntity): Record<string, unknown> {
  return { autoCloseDays: settings.autoCloseDays };
}
