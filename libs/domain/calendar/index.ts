export {
  ALWAYS_OPEN_CALENDAR,
  type BusinessCalendar,
  type Holiday,
  type HolidayRule,
  type Weekday,
  type WorkingInterval,
} from './business-calendar.js';
export { validateCalendar } from './calendar-validation.js';
export { addBusinessTime, businessTimeBetween, isWorkingTime, nextWorkingInstant } from './business-time.js';
