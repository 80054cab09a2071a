import 'server-only';
import { revalidatePath } from 'next/cache';
import { LOCALES } from '@/i18n/locales';
import { invalidateMapIndex } from '@/lib/map/server-index';
import { invalidateFigures } from '@/lib/stats/server';

/** Drops the cached public page of a ticket in every language, so the next visitor sees the change. */
export function refreshReportPage(number: string): void {
  for (const locale of LOCALES) revalidatePath(`/${locale}/laporan/${number}`);
}

/** After a report was filed or changed in this process: its page, the map and the figures show it at once. */
export function reportChanged(number: string): void {
  invalidateMapIndex();
  invalidateFigures();
  refreshReportPage(number);
}
