import 'server-only';
import { revalidatePath } from 'next/cache';
import { LOCALES } from '@/i18n/locales';

/** Drops the cached public page of a ticket in every language, so the next visitor sees the change. */
export function refreshReportPage(number: string): void {
  for (const locale of LOCALES) revalidatePath(`/${locale}/laporan/${number}`);
}
