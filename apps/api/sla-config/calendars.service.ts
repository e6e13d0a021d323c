import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { BusinessCalendarEntity } from '../../../libs/db/entities/business-calendar.entity.js';
import { SlaPolicyEntity } from '../../../libs/db/entities/sla-policy.entity.js';
import { validateCalendar, type BusinessCalendar, type Holiday } from '../../../libs/domain/calendar/index.js';
import { AuditService } from '../audit/audit.service.js';
import { userError } from '../common/user-error.js';
import { assertUuid, invalidInput, mapConstraintErrors, quotedList } from './config-errors.js';
import type { BusinessCalendarInput } from './dto/business-calendar.input.js';
import { toBusinessCalendarModel, type BusinessCalendarModel } from './models/business-calendar.model.js';

const ENTITY_TYPE = 'business_calendar';

/** Business calendars: validated by libs/domain/calendar, written with their audit entry in one transaction. */
@Injectable()
export class CalendarsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<BusinessCalendarModel[]> {
    const calendars = await this.dataSource.getRepository(BusinessCalendarEntity).find({ order: { name: 'ASC', id: 'ASC' } });
    return calendars.map(toBusinessCalendarModel);
  }

  async get(id: string): Promise<BusinessCalendarModel> {
    return toBusinessCalendarModel(await this.find(this.dataSource.manager, id));
  }

  async create(input: BusinessCalendarInput, actorUserId: string): Promise<BusinessCalendarModel> {
    const fields = calendarFields(input);
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      await this.write(() => manager.insert(BusinessCalendarEntity, { id, ...fields }), fields.name);
      const saved = await manager.findOneByOrFail(BusinessCalendarEntity, { id });
      await this.audit.record(
        { actorUserId, action: `${ENTITY_TYPE}.created`, entityType: ENTITY_TYPE, entityId: id, before: null, after: snapshot(saved) },
        manager,
      );
      return toBusinessCalendarModel(saved);
    });
  }

  /** Replaces the calendar with the input. */
  async update(id: string, input: BusinessCalendarInput, actorUserId: string): Promise<BusinessCalendarModel> {
    const fields = calendarFields(input);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.find(manager, id, true);
      await this.write(() => manager.update(BusinessCalendarEntity, { id }, fields), fields.name);
      const after = await manager.findOneByOrFail(BusinessCalendarEntity, { id });
      await this.audit.record(
        { actorUserId, action: `${ENTITY_TYPE}.updated`, entityType: ENTITY_TYPE, entityId: id, before: snapshot(before), after: snapshot(after) },
        manager,
      );
      return toBusinessCalendarModel(after);
    });
  }

  /** Refused while an SLA policy uses the calendar: the policies are named, so the admin knows what to change first. */
  async delete(id: string, actorUserId: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      // The row lock makes a concurrent policy that would start using the calendar wait for this transaction.
      const before = await this.find(manager, id, true);
      const users = await manager.find(SlaPolicyEntity, { where: { calendarId: id }, order: { position: 'ASC', name: 'ASC' } });
      if (users.length > 0) throw inUse(before.name, users.map((policy) => policy.name));
      await mapConstraintErrors(() => manager.delete(BusinessCalendarEntity, { id }), {
        sla_policies_calendar_fk: { code: 'CONFLICT', message: `The business calendar "${before.name}" is in use by an SLA policy.` },
      });
      await this.audit.record(
        { actorUserId, action: `${ENTITY_TYPE}.deleted`, entityType: ENTITY_TYPE, entityId: id, before: snapshot(before), after: null },
        manager,
      );
      return id;
    });
  }

  private async find(manager: EntityManager, id: string, forUpdate = false): Promise<BusinessCalendarEntity> {
    assertUuid(id, 'a business calendar');
    const calendar = await manager.findOne(BusinessCalendarEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!calendar) throw userError('NOT_FOUND', `There is no business calendar ${id}.`);
    return calendar;
  }

  private write(write: () => Promise<unknown>, name: string): Promise<unknown> {
    return mapConstraintErrors(write, {
      business_calendars_name_unique: { code: 'CONFLICT', message: `A business calendar named "${name}" already exists.` },
    });
  }
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

function inUse(calendarName: string, policyNames: string[]): Error {
  const policies = policyNames.length === 1 ? `the SLA policy ${quotedList(policyNames)}` : `the SLA policies ${quotedList(policyNames)}`;
  return userError(
    'CONFLICT',
    `The business calendar "${calendarName}" is used by ${policies}; give them another calendar (or none) before deleting it.`,
    { policies: policyNames },
  );
}

/** What the audit log keeps of a calendar. */
function snapshot(calendar: BusinessCalendarEntity): Record<string, unknown> {
  return { id: calendar.id, name: calendar.name, timeZone: calendar.timeZone, intervals: calendar.intervals, holidays: calendar.holidays };
}
