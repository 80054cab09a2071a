import { describe, expect, it } from 'vitest';
import {
  formatTicketNumber,
  isConfidentialNumber,
  normalizeTicketNumber,
  ticketDay,
  ticketPrefix,
  ticketSequence,
  ticketSeries,
  wibDay,
} from './ticket-number';

describe('wibDay', () => {
  it.each([
    ['16:59 UTC is still the same day in Jakarta', '2023-06-18T16:59:00Z', '2023-06-18'],
    ['17:00 UTC is midnight WIB, the next day', '2023-06-18T17:00:00Z', '2023-06-19'],
    ['early morning WIB belongs to that day', '2023-06-17T23:30:00Z', '2023-06-18'],
  ])('%s', (_label, iso, day) => {
    expect(wibDay(new Date(iso))).toBe(day);
  });
});

describe('formatTicketNumber', () => {
  it.each([
    ['the real example, public by default', undefined, 342, 'JK2306180342'],
    ['public series', 'public', 1, 'JK2306180001'],
    ['confidential series', 'confidential', 1, 'JKR2306180001'],
    ['confidential, highest sequence', 'confidential', 9999, 'JKR2306189999'],
  ] as const)('%s', (_label, series, sequence, expected) => {
    expect(formatTicketNumber('2023-06-18', sequence, series)).toBe(expected);
  });
  it.each([0, 10000, 1.5])('refuses sequence %s', (seq) => {
    expect(() => formatTicketNumber('2023-06-18', seq)).toThrow(RangeError);
    expect(() => formatTicketNumber('2023-06-18', seq, 'confidential')).toThrow(RangeError);
  });
});

describe('ticketPrefix', () => {
  it.each([
    ['public', 'public', 'JK230618'],
    ['confidential', 'confidential', 'JKR230618'],
  ] as const)('%s', (_label, series, expected) => {
    expect(ticketPrefix('2023-06-18', series)).toBe(expected);
  });
  it('refuses a day that is not YYYY-MM-DD', () => {
    expect(() => ticketPrefix('18-06-2023', 'confidential')).toThrow(RangeError);
  });
});

describe('normalizeTicketNumber', () => {
  it.each([
    ['canonical', 'JK2306180342', 'JK2306180342'],
    ['lower case', 'jk2306180342', 'JK2306180342'],
    ['spaces', ' jk 2306 180342 ', 'JK2306180342'],
    ['dashes', 'JK-230618-0342', 'JK2306180342'],
    ['confidential canonical', 'JKR2306180001', 'JKR2306180001'],
    ['confidential as people type it', 'jkr 2306 180001', 'JKR2306180001'],
    ['confidential with dashes and dots', 'JKR-230618.0001', 'JKR2306180001'],
    ['confidential, mixed case', 'jKr2306180001', 'JKR2306180001'],
    ['too short', 'JK230618034', null],
    ['confidential too short', 'JKR230618001', null],
    ['confidential too long', 'JKR23061800011', null],
    ['wrong prefix', 'AB2306180342', null],
    ['another letter after JK', 'JKX2306180001', null],
    ['R doubled', 'JKRR2306180001', null],
    ['month 13', 'JK2313180342', null],
    ['confidential month 00', 'JKR2300180001', null],
    ['sequence zero', 'JK2306180000', null],
    ['confidential sequence zero', 'JKR2306180000', null],
    ['empty', '', null],
  ])('%s', (_label, input, expected) => {
    expect(normalizeTicketNumber(input)).toBe(expected);
  });
});

describe('series, day and sequence of a number', () => {
  it.each([
    ['public', 'JK2306180342', 'public', false, '2023-06-18', 342],
    ['confidential', 'JKR2306180001', 'confidential', true, '2023-06-18', 1],
    ['confidential, another day', 'JKR2512319999', 'confidential', true, '2025-12-31', 9999],
    ['not canonical (typed form)', 'jkr 2306 180001', null, false, null, null],
    ['not a number', 'JKR', null, false, null, null],
  ])('%s', (_label, number, series, isConfidential, day, sequence) => {
    expect(ticketSeries(number)).toBe(series);
    expect(isConfidentialNumber(number)).toBe(isConfidential);
    expect(ticketDay(number)).toBe(day);
    expect(ticketSequence(number)).toBe(sequence);
  });

  it('reads back what it formats, in both series', () => {
    for (const series of ['public', 'confidential'] as const) {
      const number = formatTicketNumber('2026-03-10', 7, series);
      expect([ticketSeries(number), ticketDay(number), ticketSequence(number), normalizeTicketNumber(number)]).toEqual([series, '2026-03-10', 7, number]);
    }
  });
});
