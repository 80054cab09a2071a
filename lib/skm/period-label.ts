import type { Locale } from '@/lib/i18n';

/**
 * A survey period's name in the reader's language. Periods are named by the admin who opens them,
 * in Indonesian ("Triwulan IV 2026"): a period that is exactly a calendar quarter reads "Q4 2026"
 * in English, whatever its name; any other keeps the name it was given.
 */
export function periodLabel(period: { name: string; startsOn: string; endsOn: string }, locale: Locale): string {
  if (locale !== 'en') return period.name;
  const quarter = calendarQuarter(period.startsOn, period.endsOn);
  return quarter ? `Q${quarter.q} ${quarter.year}` : period.name;
}

function calendarQuarter(startsOn: string, endsOn: string): { q: number; year: number } | null {
  const start = /^(\d{4})-(01|04|07|10)-01$/.exec(startsOn);
  if (!start) return null;
  const year = Number(start[1]);
  const endMonth = Number(start[2]) + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const expectedEnd = `${year}-${String(endMonth).padStart(2, '0')}-${lastDay}`;
  return endsOn === expectedEnd ? { q: (endMonth / 3) | 0, year } : null;
}
