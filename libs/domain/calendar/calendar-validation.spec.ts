import { ALWAYS_OPEN_CALENDAR, validateCalendar, type BusinessCalendar, type WorkingInterval } from './index.js';

const NO_WORKING_TIME = 'The calendar has no working time: it needs at least one working interval of positive length.';
const calendar = (intervals: WorkingInterval[], overrides: Partial<BusinessCalendar> = {}): BusinessCalendar => ({
  timeZone: 'Europe/Berlin',
  intervals,
  holidays: [],
  ...overrides,
});

describe('validateCalendar', () => {
  it('accepts the built-in 24x7 calendar, overnight shifts and 24:00 ends', () => {
    expect(validateCalendar(ALWAYS_OPEN_CALENDAR)).toEqual([]);
    const cal = calendar([
      { day: 1, start: '22:00', end: '06:00' },
      { day: 2, start: '18:00', end: '24:00' },
      { day: 3, start: '09:00', end: '00:00' },
    ]);
    expect(validateCalendar({ ...cal, holidays: [{ date: '2024-02-29', recurring: true }] })).toEqual([]);
  });

  it('reports an unknown time zone', () => {
    expect(validateCalendar(calendar([{ day: 1, start: '09:00', end: '17:00' }], { timeZone: 'Mars/Olympus' }))).toEqual([
      'Unknown time zone "Mars/Olympus".',
    ]);
  });

  it('reports a calendar with no working time', () => {
    expect(validateCalendar(calendar([]))).toEqual([NO_WORKING_TIME]);
    expect(validateCalendar(calendar([{ day: 1, start: '09:00', end: '09:00' }]))).toEqual([
      'Working interval 1: it starts and ends at 09:00, so it has no working time.',
      NO_WORKING_TIME,
    ]);
  });

  it('reports malformed times and days', () => {
    const cal = calendar([
      { day: 1, start: '9:00', end: '17:00' },
      { day: 2, start: '09:00', end: '17:60' },
      { day: 3, start: '24:00', end: '24:30' },
      { day: 7 as WorkingInterval['day'], start: '09:00', end: '17:00' },
    ]);
    expect(validateCalendar(cal)).toEqual([
      'Working interval 1: start "9:00" is not a time in HH:MM form (00:00–23:59).',
      'Working interval 2: end "17:60" is not a time in HH:MM form (00:00–24:00).',
      'Working interval 3: start "24:00" is not a time in HH:MM form (00:00–23:59).',
      'Working interval 3: end "24:30" is not a time in HH:MM form (00:00–24:00).',
      'Working interval 4: day must be 0 (Sunday) to 6 (Saturday), got 7.',
    ]);
  });

  it('reports malformed holiday dates', () => {
    const cal = calendar([{ day: 1, start: '09:00', end: '17:00' }], {
      holidays: [{ date: '2026-02-30' }, { date: '2026/12/25', recurring: true }],
    });
    expect(validateCalendar(cal)).toEqual([
      'Holiday 1: "2026-02-30" is not a date in YYYY-MM-DD form.',
      'Holiday 2: "2026/12/25" is not a date in YYYY-MM-DD form.',
    ]);
  });

  it('accepts the two holiday rules and reports any other', () => {
    const cal = calendar([{ day: 1, start: '22:00', end: '06:00' }]);
    expect(validateCalendar({ ...cal, holidayRule: 'whole-shifts' })).toEqual([]);
    expect(validateCalendar({ ...cal, holidayRule: 'calendar-date' })).toEqual([]);
    expect(validateCalendar({ ...cal, holidayRule: 'by-date' as BusinessCalendar['holidayRule'] })).toEqual([
      'Holiday rule "by-date" is not one of whole-shifts, calendar-date.',
    ]);
  });
});
