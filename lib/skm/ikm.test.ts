import { describe, expect, it } from 'vitest';
import { computeIkm, gradeOf, validAnswers } from './ikm';

describe('gradeOf', () => {
  it.each([
    [100, 'A'],
    [88.31, 'A'],
    [88.3, 'B'],
    [88.305, 'A'],
    [76.61, 'B'],
    [76.6, 'C'],
    [65, 'C'],
    [64.99, 'D'],
    [25, 'D'],
  ])('%d → %s', (ikm, grade) => {
    expect(gradeOf(ikm)).toBe(grade);
  });
});

describe('computeIkm', () => {
  it('is the mean of the nine element means × 25', () => {
    const r = computeIkm([
      [4, 4, 4, 4, 4, 4, 4, 4, 4],
      [3, 3, 3, 3, 3, 3, 3, 3, 3],
    ]);
    expect(r.elementMeans).toEqual([3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5, 3.5]);
    expect(r).toMatchObject({ respondents: 2, ikm: 87.5, grade: 'B' });
  });

  it('weighs every element equally and rounds to two decimals', () => {
    const r = computeIkm([[4, 3, 3, 3, 3, 3, 3, 3, 3]]);
    expect(r.ikm).toBe(77.78); // (28 / 9) × 25 = 77.777…
    expect(r.grade).toBe('B');
    expect(computeIkm([[1, 1, 1, 1, 1, 1, 1, 1, 1]])).toMatchObject({ ikm: 25, grade: 'D' });
    expect(computeIkm([[4, 4, 4, 4, 4, 4, 4, 4, 4]])).toMatchObject({ ikm: 100, grade: 'A' });
  });

  it('gives no index without respondents', () => {
    expect(computeIkm([])).toMatchObject({ respondents: 0, ikm: null, grade: null });
  });

  it('accepts only nine whole answers from 1 to 4', () => {
    expect(validAnswers([1, 2, 3, 4, 1, 2, 3, 4, 1])).toBe(true);
    expect(validAnswers([1, 2, 3, 4, 1, 2, 3, 4])).toBe(false);
    expect(validAnswers([1, 2, 3, 4, 1, 2, 3, 4, 5])).toBe(false);
    expect(validAnswers([1, 2, 3, 4, 1, 2, 3, 4, 2.5])).toBe(false);
  });
});
