import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { BusinessCalendarEntity } from '../../../../libs/db/entities/business-calendar.entity.js';
import type { Weekday } from '../../../../libs/domain/calendar/index.js';
import { WeekdayEnum } from '../../common/graphql-enums.js';

@ObjectType('WorkingInterval', { description: "Working time on one weekday, in the calendar's local time." })
export class WorkingIntervalModel {
  @Field(() => WeekdayEnum)
  day!: Weekday;

  @Field({ description: "'HH:MM'." })
  start!: string;

  @Field({ description: "'HH:MM'; earlier than start for an overnight shift ending the next day." })
  end!: string;
}

@ObjectType('Holiday', { description: 'A local date without working time.' })
export class HolidayModel {
  @Field({ description: "'YYYY-MM-DD'." })
  date!: string;

  @Field({ description: 'The same month and day every year.' })
  recurring!: boolean;

  @Field(() => String, { nullable: true })
  name!: string | null;
}

@ObjectType('BusinessCalendar', { description: "A support team's weekly working hours in one time zone, minus holidays." })
export class BusinessCalendarModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'IANA time zone.' })
  timeZone!: string;

  @Field(() => [WorkingIntervalModel])
  intervals!: WorkingIntervalModel[];

  @Field(() => [HolidayModel])
  holidays!: HolidayModel[];

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

export function toBusinessCalendarModel(entity: BusinessCalendarEntity): BusinessCalendarModel {
  return {
    id: entity.id,
    name: entity.name,
    timeZone: entity.timeZone,
    intervals: entity.intervals.map(({ day, start, end }) => ({ day, start, end })),
    holidays: entity.holidays.map(({ date, recurring, name }) => ({ date, recurring: recurring ?? false, name: name ?? null })),
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
