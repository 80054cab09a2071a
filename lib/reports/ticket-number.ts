/** Ticket numbers in the real CRM format: `JK` + YYMMDD (WIB) + 4-digit daily sequence. */

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const NUMBER_RE = /^JK(\d{2})(\d{2})(\d{2})(\d{4})$/;

/** The calendar day in Jakarta time (WIB, UTC+7, no daylight saving) as YYYY-MM-DD. */
export function wibDay(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

export function formatTicketNumber(day: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
    throw new RangeError(`daily sequence out of range: ${sequence}`);
  }
  return `${ticketPrefix(day)}${String(sequence).padStart(4, '0')}`;
}

/** `JK` + YYMMDD: the part of a ticket number that the day decides. */
export function ticketPrefix(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`invalid day ${day}`);
  return `JK${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
}

/**
 * Normalises what a person typed ("jk 2306 180342", "JK-2306180342") to the canonical
 * number, or null when it cannot be a ticket number.
 */
export function normalizeTicketNumber(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-_./]/g, '');
  const match = NUMBER_RE.exec(compact);
  if (!match) return null;
  const [, , mm, dd, seq] = match;
  const month = Number(mm);
  const dayOfMonth = Number(dd);
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31 || Number(seq) < 1) return null;
  return compact;
}

/** The WIB day a ticket number was issued on, as YYYY-MM-DD (20xx). */
export function ticketDay(number: string): string | null {
  const match = NUMBER_RE.exec(number);
  if (!match) return null;
  return `20${match[1]}-${match[2]}-${match[3]}`;
}
