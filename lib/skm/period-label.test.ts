import { describe, expect, it } from 'vitest';
import { periodLabel } from './period-label';
import { quarterOf } from './survey';

describe('periodLabel', () => {
  it.each([
    ['a quarter, in English', { name: 'Triwulan IV 2026', startsOn: '2026-10-01', endsOn: '2026-12-31' }, 'en', 'Q4 2026'],
    ['the first quarter', { name: 'Triwulan I 2027', startsOn: '2027-01-01', endsOn: '2027-03-31' }, 'en', 'Q1 2027'],
    ['a quarter, in Indonesian: its name', { name: 'Triwulan IV 2026', startsOn: '2026-10-01', endsOn: '2026-12-31' }, 'id', 'Triwulan IV 2026'],
    ['a half year keeps its name', { name: 'Semester II 2026', startsOn: '2026-07-01', endsOn: '2026-12-31' }, 'en', 'Semester II 2026'],
    ['a quarter ending a day early keeps its name', { name: 'Khusus', startsOn: '2026-04-01', endsOn: '2026-06-29' }, 'en', 'Khusus'],
  ] as const)('%s', (_label, period, locale, expected) => {
    expect(periodLabel(period, locale)).toBe(expected);
  });

  it('reads every quarter the admin page proposes in English, never "Triwulan"', () => {
    for (const month of ['01', '04', '07', '10']) {
      const label = periodLabel(quarterOf(new Date(`2026-${month}-15T05:00:00Z`)), 'en');
      expect(label).toMatch(/^Q[1-4] 2026$/);
    }
  });
});
