/** The shape of a business calendar: the weekly working hours of a support team in one IANA time zone, minus its holidays. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday

/**
 * A shift starting on `day`, in local wall-clock 'HH:MM'. An `end` earlier than `start` is an overnight shift that ends
 * on the next day (22:00–06:00) but still belongs to `day`; `end` may be '24:00'. Overlapping intervals are merged.
 */
export interface WorkingInterval {
  day: Weekday;
  start: string;
  end: string;
}

/** A local date ('YYYY-MM-DD') on which no shift starts: see HolidayRule for the overnight shifts around it. */
export interface Holiday {
  date: string;
  /** The same month and day every year. */
  recurring?: boolean;
  name?: string;
}

/**
 * What a holiday takes away from overnight shifts. 'whole-shifts' (the rule since issue 16): the shifts that start on
 * the holiday, whole, while the shift of the evening before runs to its end. 'calendar-date' (the rule before): every
 * working minute that falls on the holiday's date, so that evening's shift stops at midnight and the holiday's own
 * shift still works its after-midnight tail. Only SLA clocks set under the old rule still count by it (see the ticket
 * workflow); anything else should leave the rule out.
 */
export type HolidayRule = 'whole-shifts' | 'calendar-date';

export interface BusinessCalendar {
  timeZone: string;
  intervals: WorkingInterval[];
  holidays: Holiday[];
  /** 'whole-shifts' when absent. */
  holidayRule?: HolidayRule;
}

const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** The built-in 24x7 calendar: business time is elapsed time. */
export const ALWAYS_OPEN_CALENDAR: BusinessCalendar = {
  timeZone: 'UTC',
  intervals: WEEKDAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
  holidays: [],
};
