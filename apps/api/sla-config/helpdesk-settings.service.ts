import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { HELPDESK_SETTINGS_ID, HelpdeskSettingsEntity } from '../../../libs/db/entities/helpdesk-settings.entity.js';
import { TICKET_CHANNELS } from '../../../libs/domain/tickets/ticket-fields.js';
import { ticketTypeOrDefault, type TicketTypeDefaults } from '../../../libs/domain/tickets/ticket-type.js';
import { userError } from '../common/user-error.js';
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
    const changes: Partial<Pick<HelpdeskSettingsEntity, 'autoCloseDays' | 'defaultTicketTypes'>> = {};
    if (input.autoCloseDays != null) changes.autoCloseDays = input.autoCloseDays;
    if (input.defaultTicketTypes != null) {
      const defaults: TicketTypeDefaults = {};
      for (const { channel, type } of input.defaultTicketTypes) {
        if (defaults[channel]) throw userError('BAD_USER_INPUT', `defaultTicketTypes: ${channel.toUpperCase()} is listed more than once; list each channel once.`);
        defaults[channel] = type;
      }
      changes.defaultTicketTypes = defaults;
    }
    if (Object.keys(changes).length === 0) throw userError('BAD_USER_INPUT', 'Give autoCloseDays, defaultTicketTypes or both.');
    const after = await this.rows.update(HELPDESK_SETTINGS_ID, actorUserId, (manager) =>
      manager.update(HelpdeskSettingsEntity, { id: HELPDESK_SETTINGS_ID }, changes),
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
  return {
    autoCloseDays: settings.autoCloseDays,
    defaultTicketTypes: TICKET_CHANNELS.map((channel) => ({ channel, type: ticketTypeOrDefault(null, channel, settings.defaultTicketTypes) })),
    updatedAt: settings.updatedAt,
  };
}

function snapshot(settings: HelpdeskSettingsEntity): Record<string, unknown> {
  return { autoCloseDays: settings.autoCloseDays, defaultTicketTypes: settings.defaultTicketTypes };
}
