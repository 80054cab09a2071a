import { describe, expect, it } from 'vitest';
import { decodeParam, formatDuration, formatWib } from './format';

describe('formatWib', () => {
  it('shows Jakarta time whatever the server time zone', () => {
    expect(formatWib(new Date('2024-03-01T17:30:00Z'))).toMatch(/2 Mar 2024.*00[.:]30 WIB/);
    expect(formatWib(new Date('2024-03-01T17:30:00Z'), 'en')).toMatch(/2 Mar 2024.*00:30 WIB/);
  });
});

describe('formatDuration', () => {
  it.each([
    [45 * 60_000, '45 menit', '45 min'],
    [(3 * 60 + 5) * 60_000, '3 jam 5 menit', '3 h 5 min'],
    [(50 * 60) * 60_000, '2 hari 2 jam', '2 d 2 h'],
  ])('%d ms', (ms, id, en) => {
    expect(formatDuration(ms)).toBe(id);
    expect(formatDuration(ms, 'en')).toBe(en);
  });
});

describe('decodeParam', () => {
  it.each([
    ['JK2611260001', 'JK2611260001'],
    ['kel%2D31.71', 'kel-31.71'],
    ['%zz', '%zz'],
    ['%', '%'],
    ['%E0%A4%A', '%E0%A4%A'],
  ])('%j → %j', (input, expected) => {
    expect(decodeParam(input)).toBe(expected);
  });
});
