import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { Weekday } from '../../../../libs/domain/calendar/index.js';
import { WeekdayEnum } from '../../common/graphql-enums.js';
import { CONFIG_LIMITS, NOT_BLANK } from './config-limits.js';

// Types and sizes are checked here; whether the times, dates and time zone make sense is validateCalendar's to say.

@InputType({ description: "Working time on one weekday, in the calendar's local time." })
export class WorkingIntervalInput {
  @Field(() => WeekdayEnum)
  @IsIn(Object.values(WeekdayEnum))
  day!: Weekday;

  @Field({ description: "'HH:MM', 00:00 to 23:59." })
  @IsString()
  @MaxLength(CONFIG_LIMITS.clockTimeMaxLength)
  start!: string;

  @Field({ description: "'HH:MM', 00:00 to 24:00; earlier than start for an overnight shift ending the next day." })
  @IsString()
  @MaxLength(CONFIG_LIMITS.clockTimeMaxLength)
  end!: string;
}

@InputType({ description: 'A local date without working time.' })
export class HolidayInput {
  @Field({ description: "'YYYY-MM-DD'." })
  @IsString()
  @MaxLength(CONFIG_LIMITS.dateMaxLength)
  date!: string;

  @Field({ defaultValue: false, description: 'The same month and day every year.' })
  @IsBoolean()
  recurring!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(CONFIG_LIMITS.nameMaxLength)
  name?: string | null;
}

@InputType({ description: 'A whole business calendar: creating one, or replacing one on update.' })
export class BusinessCalendarInput {
  @Field({ description: 'Unique.' })
  @IsString()
  @Length(1, CONFIG_LIMITS.nameMaxLength)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field({ description: 'IANA time zone, e.g. Europe/Paris.' })
  @IsString()
  @Length(1, CONFIG_LIMITS.timeZoneMaxLength)
  timeZone!: string;

  @Field(() => [WorkingIntervalInput], { description: 'At least one interval with working time.' })
  @IsArray()
  @ArrayMaxSize(CONFIG_LIMITS.intervalsMax)
  @ValidateNested({ each: true })
  @Type(() => WorkingIntervalInput)
  intervals!: WorkingIntervalInput[];

  @Field(() => [HolidayInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(CONFIG_LIMITS.holidaysMax)
  @ValidateNested({ each: true })
  @Type(() => HolidayInput)
  holidays!: HolidayInput[];
}
