import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BusinessCalendarEntity } from '../../../libs/db/entities/business-calendar.entity.js';
import { SlaPolicyEntity } from '../../../libs/db/entities/sla-policy.entity.js';
import { validateCalendar, type BusinessCalendar, type Holiday } from '../../../libs/domain/calendar/index.js';
import { AuditService } from '../audit/audit.service.js';
import { AuditedWrites, findByUuid } from './audited-writes.js';
import { inUseBySlaPolicies, invalidInput, mapConstraintErrors } from './config-errors.js';
import type { BusinessCalendarInput } from './dto/business-calendar.input.js';
import { toBusinessCalendarModel, type BusinessCalendarModel } from './models/business-calendar.model.js';

/** Business calendars: validated by libs/domain/calendar, written with their audit entry in one transaction. */
@Injectable()
export class CalendarsService {
  private readonly rows: AuditedWrites<BusinessCalendarEntity>;

  constructor(
    private readonly dataSource: DataSource,
    audit: AuditService,
  ) {
    this.rows = new AuditedWrites(dataSource, audit, {
      entity: BusinessCalendarEntity,
      entityType: 'business_calendar',
      snapshot,
      find: (manager, id, forWrite) =>
        findByUuid(manager, BusinessCalendarEntity, id, { article: 'a', noun: 'business calendar', lock: forWrite }),
    });
  }

  async list(): Promise<BusinessCalendarModel[]> {
    const calendars = await this.dataSource.getRepository(BusinessCalendarEntity).find({ order: { name: 'ASC', id: 'ASC' } });
    return calendars.map(toBusinessCalendarModel);
  }

  async get(id: string): Promise<BusinessCalendarModel> {
    return toBusinessCalendarModel(await this.rows.get(id));
  }

  async create(input: BusinessCalendarInput, actorUserId: string): Promise<BusinessCalendarModel> {
    const fields = calendarFields(input);
    const saved = await this.rows.create(actorUserId, (manager, id) =>
      mapNameConflict(() => manager.insert(BusinessCalendarEntity, { id, ...fields }), fields.name),
    );
    return toBusinessCalendarModel(saved);
  }

  /** Replaces the calendar with the input. */
  async update(id: string, input: BusinessCalendarInput, actorUserId: string): Promise<BusinessCalendarModel> {
    const fields = calendarFields(input);
    const after = await this.rows.update(id, actorUserId, (manager) =>
      mapNameConflict(() => manager.update(BusinessCalendarEntity, { id }, fields), fields.name),
    );
    return toBusinessCalendarModel(after);
  }

  /** Refused while an SLA policy uses the calendar: the policies are named, so the admin knows what to change first. */
  delete(id: string, actorUserId: string): Promise<string> {
    // The row lock taken for the write makes a concurrent policy that would start using the calendar wait for it.
    return this.rows.delete(id, actorUserId, async (manager, before) => {
      const users = await manager.find(SlaPolicyEntity, { where: { calendarId: id }, order: { position: 'ASC', name: 'ASC' } });
      if (users.length > 0) {
        throw inUseBySlaPolicies(
          `The business calendar "${before.name}"`,
          'another calendar',
          users.map((policy) => policy.name),
        );
      }
      await mapConstraintErrors(() => manager.delete(BusinessCalendarEntity, { id }), {
        sla_policies_calendar_fk: { code: 'CONFLICT', message: `The business calendar "${before.name}" is in use by an SLA policy.` },
      });
    });
  }
}

/** A second calendar of the same name: CONFLICT. */
function mapNameConflict(write: () => Promise<unknown>, name: string): Promise<unknown> {
  return mapConstraintErrors(write, {
    business_calendars_name_unique: { code: 'CONFLICT', message: `A business calendar named "${name}" already exists.` },
  });
}

/** The row's content, checked by the domain's validator; every problem is reported at once. */
function calendarFields(input: BusinessCalendarInput): { name: string } & BusinessCalendar {
  const calendar: BusinessCalendar = {
    timeZone: input.timeZone.trim(),
    intervals: input.intervals.map(({ day, start, end }) => ({ day, start, end })),
    holidays: input.holidays.map(
      ({ date, recurring, name }): Holiday => ({ date, recurring, ...(name != null && name.trim() !== '' ? { name: name.trim() } : {}) }),
    ),
  };
  const problems = validateCalendar(calendar);
  if (problems.length > 0) throw invalidInput(problems);
  return { name: input.name.trim(), ...calendar };
}

/** What the audit log keeps of a calendar. */
function snapshot(calendar: BusinessCalendarEntity): Record<string, unknown> {
  return { id: calendar.id, name: calendar.name, timeZone: calendar.timeZone, intervals: calendar.intervals, holidays: calendar.holidays };
}
