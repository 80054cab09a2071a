import { describe, expect, it } from 'vitest';
import { decodeParam, formatCompact, formatDecimal, formatDuration, formatNumber, formatRating, formatWib } from './format';

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

describe('numbers in the reader\'s language', () => {
  it.each([
    ['a large count', () => formatNumber(12_345), () => formatNumber(12_345, 'en'), '12.345', '12,345'],
    ['a share with decimals', () => formatNumber(45.5), () => formatNumber(45.5, 'en'), '45,5', '45.5'],
    ['one decimal', () => formatDecimal(3.14159, 1), () => formatDecimal(3.14159, 1, 'en'), '3,1', '3.1'],
    ['a whole number to one decimal', () => formatDecimal(4, 1), () => formatDecimal(4, 1, 'en'), '4,0', '4.0'],
    ['a mean rating', () => formatRating(3.06), () => formatRating(3.06, 'en'), '3,1 / 5', '3.1 / 5'],
    ['a thousand-scale decimal', () => formatDecimal(1234.5, 1), () => formatDecimal(1234.5, 1, 'en'), '1.234,5', '1,234.5'],
  ])('%s', (_label, id, en, expectedId, expectedEn) => {
    expect(id()).toBe(expectedId);
    expect(en()).toBe(expectedEn);
  });
});

describe('formatCompact (map badges)', () => {
  it.each([
    [950, '950', '950'],
    [1000, '1rb', '1k'],
    [1250, '1,2rb', '1.2k'],
    [9_999, '9,9rb', '9.9k'],
    [12_345, '12rb', '12k'],
    [999_999, '999rb', '999k'],
    [2_500_000, '2,5jt', '2.5M'],
  ])('%d → %s / %s', (n, id, en) => {
    expect(formatCompact(n)).toBe(id);
    expect(formatCompact(n, 'en')).toBe(en);
  });
});
