/** The shape of a business calendar: the weekly working hours of a support team in one IANA time zone, minus its holidays. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday

/**
 * Working time on `day`, in local wall-clock 'HH:MM'. An `end` earlier than `start` is an overnight shift that ends on
 * the next day (22:00–06:00); `end` may be '24:00'. Overlapping intervals are merged.
 */
export interface WorkingInterval {
  day: Weekday;
  start: string;
  end: string;
}

/** A local date ('YYYY-MM-DD') with no working time at all, including the part of an overnight shift that falls on it. */
export interface Holiday {
  date: string;
  /** The same month and day every year. */
  recurring?: boolean;
  name?: string;
}

export interface BusinessCalendar {
  timeZone: string;
  intervals: WorkingInterval[];
  holidays: Holiday[];
}

const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** The built-in 24x7 calendar: business time is elapsed time. */
export const ALWAYS_OPEN_CALENDAR: BusinessCalendar = {
  timeZone: 'UTC',
  intervals: WEEKDAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
  holidays: [],
};
