/**
 * Ticket numbers in the real CRM format: `JK` + YYMMDD (WIB) + 4-digit daily sequence.
 * Confidential tickets (Pungli and the like) have a series of their own, `JKR` + YYMMDD + 4 digits,
 * so that the public numbers stay gap-free and do not betray that a confidential ticket was filed.
 */

export type TicketSeries = 'public' | 'confidential';

const SERIES_PREFIX: Record<TicketSeries, string> = { public: 'JK', confidential: 'JKR' };
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const NUMBER_RE = /^(JKR?)(\d{2})(\d{2})(\d{2})(\d{4})$/;

/** The calendar day in Jakarta time (WIB, UTC+7, no daylight saving) as YYYY-MM-DD. */
export function wibDay(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

export function formatTicketNumber(day: string, sequence: number, series: TicketSeries = 'public'): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
    throw new RangeError(`daily sequence out of range: ${sequence}`);
  }
  return `${ticketPrefix(day, series)}${String(sequence).padStart(4, '0')}`;
}

/** `JK` (or `JKR`) + YYMMDD: the part of a ticket number that the series and the day decide. */
export function ticketPrefix(day: string, series: TicketSeries = 'public'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`invalid day ${day}`);
  return `${SERIES_PREFIX[series]}${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
}

/**
 * Normalises what a person typed ("jk 2306 180342", "JK-2306180342", "jkr 2306 180001") to the
 * canonical number, or null when it cannot be a ticket number.
 */
export function normalizeTicketNumber(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-_./]/g, '');
  const match = NUMBER_RE.exec(compact);
  if (!match) return null;
  const [, , , mm, dd, seq] = match;
  const month = Number(mm);
  const dayOfMonth = Number(dd);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31 || Number(seq) < 1) return null;
  return compact;
}

/** The series of a canonical ticket number, or null when it is not one. */
export function ticketSeries(number: string): TicketSeries | null {
  const match = NUMBER_RE.exec(number);
  if (!match) return null;
  return match[1] === SERIES_PREFIX.confidential ? 'confidential' : 'public';
}

/** Whether a canonical ticket number is of the confidential (`JKR…`) series. */
export function isConfidentialNumber(number: string): boolean {
  return ticketSeries(number) === 'confidential';
}

/** The WIB day a ticket number was issued on, as YYYY-MM-DD (20xx). */
export function ticketDay(number: string): string | null {
  const match = NUMBER_RE.exec(number);
  if (!match) return null;
  return `20${match[2]}-${match[3]}-${match[4]}`;
}

/** The daily sequence of a ticket number (1–9999), or null when it is not one. */
export function ticketSequence(number: string): number | null {
  const match = NUMBER_RE.exec(number);
  return match ? Number(match[5]) : null;
}
