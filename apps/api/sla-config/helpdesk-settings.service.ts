import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { HELPDESK_SETTINGS_ID, HelpdeskSettingsEntity } from '../../../libs/db/entities/helpdesk-settings.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { UpdateHelpdeskSettingsInput } from './dto/helpdesk-settings.input.js';
import type { HelpdeskSettingsModel } from './models/helpdesk-settings.model.js';

const ENTITY_TYPE = 'helpdesk_settings';

/** The single settings row the migration created. */
@Injectable()
export class HelpdeskSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<HelpdeskSettingsModel> {
    return toModel(await this.read(this.dataSource.manager));
  }

  async update(input: UpdateHelpdeskSettingsInput, actorUserId: string): Promise<HelpdeskSettingsModel> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.read(manager, true);
      await manager.update(HelpdeskSettingsEntity, { id: HELPDESK_SETTINGS_ID }, { autoCloseDays: input.autoCloseDays });
      const after = await this.read(manager);
      await this.audit.record(
        {
          actorUserId,
          action: `${ENTITY_TYPE}.updated`,
          entityType: ENTITY_TYPE,
          entityId: String(HELPDESK_SETTINGS_ID),
          before: snapshot(before),
          after: snapshot(after),
        },
        manager,
      );
      return toModel(after);
    });
  }

  private read(manager: EntityManager, forUpdate = false): Promise<HelpdeskSettingsEntity> {
    return manager.findOneOrFail(HelpdeskSettingsEntity, {
      where: { id: HELPDESK_SETTINGS_ID },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }
}

function toModel(settings: HelpdeskSettingsEntity): HelpdeskSettingsModel {
  return { autoCloseDays: settings.autoCloseDays, updatedAt: settings.updatedAt };
}

function snapshot(settings: HelpdeskSettingsEntity): Record<string, unknown> {
  return { autoCloseDays: settings.autoCloseDays };
}
