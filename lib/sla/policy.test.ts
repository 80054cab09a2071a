import { describe, expect, it } from 'vitest';
import {
  addServiceHours,
  deadlinesFor,
  DEFAULT_SLA_POLICY,
  escalationLevelAt,
  isSilentTooLong,
  isWorkingDay,
  serviceHoursBetween,
} from './policy';
import { wibDay } from '@/lib/reports/ticket-number';

// WIB times written as they are read in Jakarta.
const wib = (local: string) => new Date(`${local}+07:00`);
const none = new Set<string>();
// 17 August 2026 (Monday) is Independence Day.
const holidays = new Set(['2026-08-17']);

describe('wibDay', () => {
  it.each([
    ['2026-08-14T23:59:00', '2026-08-14'],
    ['2026-08-15T00:00:00', '2026-08-15'],
    ['2026-08-15T06:59:00', '2026-08-15'], // 23:59 UTC the day before
  ])('%s WIB is on %s', (local, day) => expect(wibDay(wib(local))).toBe(day));
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-08-14', true], // Friday
    ['2026-08-15', false], // Saturday
    ['2026-08-16', false], // Sunday
    ['2026-08-17', false], // holiday
    ['2026-08-18', true],
  ])('%s → %s', (day, expected) => expect(isWorkingDay(day, holidays)).toBe(expected));
});

describe('addServiceHours', () => {
  it.each([
    ['calendar: 24 h over a weekend', '2026-08-14T15:00:00', 24, 'kalender', '2026-08-15T15:00:00'],
    ['calendar: across WIB midnight', '2026-08-14T23:30:00', 1, 'kalender', '2026-08-15T00:30:00'],
    ['working days: Friday afternoon + 24 h skips the weekend and the holiday', '2026-08-14T15:00:00', 24, 'hari_kerja', '2026-08-18T15:00:00'],
    ['working days: filed on Saturday, counting starts Tuesday 00:00', '2026-08-15T10:00:00', 24, 'hari_kerja', '2026-08-19T00:00:00'],
    ['working days: within the same day', '2026-08-18T08:00:00', 4, 'hari_kerja', '2026-08-18T12:00:00'],
    ['working days: 7 days from Wednesday', '2026-08-12T09:00:00', 7 * 24, 'hari_kerja', '2026-08-24T09:00:00'],
    ['working days: ending exactly at WIB midnight', '2026-08-18T00:00:00', 24, 'hari_kerja', '2026-08-19T00:00:00'],
  ] as const)('%s', (_label, start, hours, calendar, expected) => {
    expect(addServiceHours(wib(start), hours, calendar, holidays).toISOString()).toBe(wib(expected).toISOString());
  });
});

describe('serviceHoursBetween', () => {
  it.each([
    ['calendar', '2026-08-14T15:00:00', '2026-08-18T15:00:00', 'kalender', 96],
    ['working days skip weekend and holiday', '2026-08-14T15:00:00', '2026-08-18T15:00:00', 'hari_kerja', 24],
    ['nothing counts on a weekend', '2026-08-15T01:00:00', '2026-08-16T23:00:00', 'hari_kerja', 0],
    ['backwards is zero', '2026-08-18T15:00:00', '2026-08-14T15:00:00', 'kalender', 0],
  ] as const)('%s', (_label, from, to, calendar, expected) => {
    expect(serviceHoursBetween(wib(from), wib(to), calendar, holidays)).toBeCloseTo(expected, 6);
  });

  it('is the inverse of addServiceHours', () => {
    for (const hours of [1, 5, 24, 30, 72, 168]) {
      const start = wib('2026-08-13T17:45:00');
      const end = addServiceHours(start, hours, 'hari_kerja', holidays);
      expect(serviceHoursBetween(start, end, 'hari_kerja', holidays)).toBeCloseTo(hours, 6);
    }
  });
});

describe('deadlinesFor (SPEC §5 defaults)', () => {
  it('gives 24 h to first response and 7 days to the follow-up', () => {
    const d = deadlinesFor(wib('2026-08-14T15:00:00'), DEFAULT_SLA_POLICY, none);
    expect(d.firstResponseDueAt).toEqual(wib('2026-08-15T15:00:00'));
    expect(d.dueAt).toEqual(wib('2026-08-21T15:00:00'));
  });
});

describe('isSilentTooLong', () => {
  it.each([
    ['5 days silent', '2026-08-06T10:00:00', false],
    ['exactly 6 days', '2026-08-05T10:00:00', true],
    ['a week', '2026-08-04T10:00:00', true],
  ])('%s', (_label, last, expected) => {
    expect(isSilentTooLong(wib(last), wib('2026-08-11T10:00:00'), DEFAULT_SLA_POLICY, none)).toBe(expected);
  });
});

describe('escalationLevelAt', () => {
  const deadline = wib('2026-08-10T12:00:00');
  it.each([
    ['before the deadline', '2026-08-10T11:00:00', 0],
    ['at the deadline', '2026-08-10T12:00:00', 0],
    ['just overdue: kecamatan', '2026-08-10T12:01:00', 1],
    ['a day overdue: walikota', '2026-08-11T12:00:00', 2],
    ['two days overdue: Balai Kota', '2026-08-12T12:00:00', 3],
    ['a month overdue stays at Balai Kota', '2026-09-10T12:00:00', 3],
  ])('%s', (_label, now, level) => {
    expect(escalationLevelAt(deadline, wib(now), DEFAULT_SLA_POLICY, none)).toBe(level);
  });

  it('on working days, a weekend does not climb the ladder', () => {
    const friday = wib('2026-08-14T12:00:00');
    const policy = { ...DEFAULT_SLA_POLICY, calendar: 'hari_kerja' as const };
    expect(escalationLevelAt(friday, wib('2026-08-16T20:00:00'), policy, holidays)).toBe(1);
    // Friday's last 12 hours and Tuesday's first 11: 23 service hours overdue
    expect(escalationLevelAt(friday, wib('2026-08-18T11:00:00'), policy, holidays)).toBe(1);
    expect(escalationLevelAt(friday, wib('2026-08-18T12:00:00'), policy, holidays)).toBe(2);
  });
});
