import { wibDay } from '@/lib/reports/ticket-number';

/**
 * Service-level policy: deadlines, "red" after silence and the escalation ladder. Pure functions:
 * the time and the holidays are passed in.
 */

/** `kalender`: every hour counts. `hari_kerja`: only Monday–Friday that are not public holidays (WIB days). */
export const SLA_CALENDARS = ['kalender', 'hari_kerja'] as const;
export type SlaCalendar = (typeof SLA_CALENDARS)[number];

export interface SlaPolicy {
  /** The handling unit must first respond within this many service hours. */
  firstResponseHours: number;
  /** The follow-up must be done within this many service hours (unless an estimate was set). */
  followUpHours: number;
  /** A ticket with no activity for this long turns red. */
  silenceRedHours: number;
  /** Each further this-many service hours overdue climbs one step of the ladder. */
  escalationStepHours: number;
  calendar: SlaCalendar;
}

/** SPEC §5: first response ≤ 24 h, follow-up ≤ 7 days, red after 6 silent days; one ladder step a day overdue. */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  firstResponseHours: 24,
  followUpHours: 7 * 24,
  silenceRedHours: 6 * 24,
  escalationStepHours: 24,
  calendar: 'kalender',
};

/** Kelurahan → kecamatan → walikota → Balai Kota: the unit told at each step (0 = not escalated). */
export const ESCALATION_LADDER = ['kelurahan', 'kecamatan', 'walikota', 'balaikota'] as const;
export type EscalationLevel = 0 | 1 | 2 | 3;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WIB = 7 * HOUR;

/** A working day: Monday to Friday and not a public holiday. `day` is YYYY-MM-DD. */
export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/** The next WIB midnight after a moment. */
function nextWibMidnight(ms: number): number {
  return Math.floor((ms + WIB) / DAY) * DAY + DAY - WIB;
}

/**
 * The moment `hours` of service time after `start`. On the working-day calendar, time on
 * weekends and holidays does not count: Friday 15:00 + 24 h is Monday 15:00.
 */
export function addServiceHours(start: Date, hours: number, calendar: SlaCalendar, holidays: ReadonlySet<string>): Date {
  if (calendar === 'kalender') return new Date(start.getTime() + hours * HOUR);
  let cursor = start.getTime();
  let remaining = hours * HOUR;
  for (let guard = 0; guard < 3660; guard++) {
    const midnight = nextWibMidnight(cursor);
    if (isWorkingDay(wibDay(new Date(cursor)), holidays)) {
      if (remaining <= midnight - cursor) return new Date(cursor + remaining);
      remaining -= midnight - cursor;
    }
    cursor = midnight;
  }
  throw new RangeError('service time beyond ten years');
}

/** Service hours between two moments (0 when `to` is not after `from`). */
export function serviceHoursBetween(from: Date, to: Date, calendar: SlaCalendar, holidays: ReadonlySet<string>): number {
  const end = to.getTime();
  if (end <= from.getTime()) return 0;
  if (calendar === 'kalender') return (end - from.getTime()) / HOUR;
  let cursor = from.getTime();
  let counted = 0;
  while (cursor < end) {
    const midnight = Math.min(nextWibMidnight(cursor), end);
    if (isWorkingDay(wibDay(new Date(cursor)), holidays)) counted += midnight - cursor;
    cursor = midnight;
  }
  return counted / HOUR;
}

/** Deadlines of a new ticket. */
export function deadlinesFor(createdAt: Date, policy: SlaPolicy, holidays: ReadonlySet<string>) {
  return {
    firstResponseDueAt: addServiceHours(createdAt, policy.firstResponseHours, policy.calendar, holidays),
    dueAt: addServiceHours(createdAt, policy.followUpHours, policy.calendar, holidays),
  };
}

/** Red: silent for too long, whatever the deadline says. */
export function isSilentTooLong(lastActivityAt: Date, now: Date, policy: SlaPolicy, holidays: ReadonlySet<string>): boolean {
  return serviceHoursBetween(lastActivityAt, now, policy.calendar, holidays) >= policy.silenceRedHours;
}

/**
 * How far up the ladder an open ticket should be at `now`: 0 while within its deadline (the
 * estimated date, when one was set), then one step at once and one more per step of service time.
 */
export function escalationLevelAt(deadline: Date, now: Date, policy: SlaPolicy, holidays: ReadonlySet<string>): EscalationLevel {
  if (now.getTime() <= deadline.getTime()) return 0;
  const overdue = serviceHoursBetween(deadline, now, policy.calendar, holidays);
  return Math.min(3, 1 + Math.floor(overdue / policy.escalationStepHours)) as EscalationLevel;
}
