import { describe, expect, it } from 'vitest';
import { matchesUnitSearch, parseUnitSearch } from './unit-search';

const unit = { name: 'Kelurahan Kebon Kelapa', code: 'kel-31.71.01.1005' };

describe('matchesUnitSearch', () => {
  it.each([
    ['nothing typed', '', true],
    ['one word, any case', 'KEBON', true],
    ['every word, in any order', 'kelapa kebon', true],
    ['punctuation ignored', 'kebon-kelapa', true],
    ['the unit code', '31.71.01.1005', true],
    ['a word it lacks', 'kebon jeruk', false],
    ['another unit', 'Gambir', false],
  ])('%s', (_label, search, expected) => {
    expect(matchesUnitSearch(unit, search)).toBe(expected);
  });
});

describe('parseUnitSearch', () => {
  it.each([
    [undefined, ''],
    ['  gambir ', 'gambir'],
    [['tebet', 'x'], 'tebet'],
    ['x'.repeat(200), 'x'.repeat(80)],
  ])('%j → %j', (input, expected) => {
    expect(parseUnitSearch(input)).toBe(expected);
  });
});
