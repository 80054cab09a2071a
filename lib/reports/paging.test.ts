import { describe, expect, it } from 'vitest';
import { countCapFor, paging } from './paging';

describe('paging', () => {
  it.each([
    ['the first of three pages', { page: 1, pageSize: 25, total: 65, totalIsLowerBound: false, shown: 25 }, { pages: 3, from: 1, to: 25, hasPrevious: false, hasNext: true, redirectTo: null }],
    ['the last page, part full', { page: 3, pageSize: 25, total: 65, totalIsLowerBound: false, shown: 15 }, { pages: 3, from: 51, to: 65, hasPrevious: true, hasNext: false, redirectTo: null }],
    ['a page past the last goes to the last', { page: 401, pageSize: 25, total: 65, totalIsLowerBound: false, shown: 0 }, { pages: 3, from: 0, to: 0, hasNext: false, redirectTo: 3 }],
    ['an empty list is one page, never a redirect', { page: 1, pageSize: 25, total: 0, totalIsLowerBound: false, shown: 0 }, { pages: 1, from: 0, to: 0, hasPrevious: false, hasNext: false, redirectTo: null }],
    ['an exact total on a page boundary', { page: 2, pageSize: 50, total: 100, totalIsLowerBound: false, shown: 50 }, { pages: 2, hasNext: false, redirectTo: null }],
    [
      'a capped count: a lower bound, more pages follow',
      { page: 400, pageSize: 25, total: 10_000, totalIsLowerBound: true, shown: 25 },
      { pages: 400, pagesIsLowerBound: true, from: 9_976, to: 10_000, hasNext: true, redirectTo: null },
    ],
    [
      'past the capped count is no error while rows remain',
      { page: 401, pageSize: 25, total: 10_000, totalIsLowerBound: true, shown: 25 },
      { pagesIsLowerBound: true, from: 10_001, to: 10_025, hasNext: true, redirectTo: null },
    ],
  ])('%s', (_label, input, expected) => {
    expect(paging(input)).toMatchObject(expected);
  });

  it('counts on past the rows before the page, so a deep page still knows what follows', () => {
    expect(countCapFor(1, 25, 10_000)).toBe(10_000);
    expect(countCapFor(401, 25, 10_000)).toBe(20_000);
  });
});
