import { describe, expect, it } from 'vitest';
import { formatTicketNumber, normalizeTicketNumber, ticketDay, wibDay } from './ticket-number';

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
  it('matches the real example JK2306180342', () => {
    expect(formatTicketNumber('2023-06-18', 342)).toBe('JK2306180342');
  });
  it.each([0, 10000, 1.5])('refuses sequence %s', (seq) => {
    expect(() => formatTicketNumber('2023-06-18', seq)).toThrow(RangeError);
  });
});

describe('normalizeTicketNumber', () => {
  it.each([
    ['canonical', 'JK2306180342', 'JK2306180342'],
    ['lower case', 'jk2306180342', 'JK2306180342'],
    ['spaces', ' jk 2306 180342 ', 'JK2306180342'],
    ['dashes', 'JK-230618-0342', 'JK2306180342'],
    ['too short', 'JK230618034', null],
    ['wrong prefix', 'AB2306180342', null],
    ['month 13', 'JK2313180342', null],
    ['sequence zero', 'JK2306180000', null],
    ['empty', '', null],
  ])('%s', (_label, input, expected) => {
    expect(normalizeTicketNumber(input)).toBe(expected);
  });
  it('gives the issue day back', () => {
    expect(ticketDay('JK2306180342')).toBe('2023-06-18');
  });
});
