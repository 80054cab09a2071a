import type { ReportStatus } from '@/db/schema';
import { EVENT_LABEL, STATUS_STYLE } from './reports/status';

export type Locale = 'id' | 'en';

export function statusLabel(status: ReportStatus, locale: Locale): string {
  return STATUS_STYLE[status][locale];
}

export function eventLabel(type: string, locale: Locale): string {
  return EVENT_LABEL[type]?.[locale] ?? type;
}

/** Picks the Indonesian or English name of a reference row. */
export function localName(row: { nameId: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' ? row.nameEn : row.nameId;
}
