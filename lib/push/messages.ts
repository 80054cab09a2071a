import type { ReportStatus } from '@/db/schema';
import type { Locale } from '@/i18n/locales';
import { formatWib } from '@/lib/format';
import { statusLabel } from '@/lib/i18n';

/** A push notification's text: the title and one line, in the subscriber's language. */
export interface PushText {
  title: string;
  body: string;
}

/** What a citizen following their report sees when its status changes. Pure. */
export function statusPushText(number: string, status: ReportStatus, language: Locale): PushText {
  const label = statusLabel(status, language);
  return language === 'en'
    ? { title: `Report ${number}`, body: `Status is now: ${label}.` }
    : { title: `Laporan ${number}`, body: `Status sekarang: ${label}.` };
}

/** What an official sees when a ticket arrives in their unit's queue. Pure. */
export function newTicketPushText(number: string, category: { nameId: string; nameEn: string }, language: Locale): PushText {
  return language === 'en'
    ? { title: `New ticket ${number}`, body: `${category.nameEn}: now in your unit's queue.` }
    : { title: `Tiket baru ${number}`, body: `${category.nameId}: masuk ke antrean unit Anda.` };
}

export type SlaDeadlineKind = 'tanggapan' | 'selesai';

/** What an official sees when a ticket of their unit is about to pass a deadline. Pure. */
export function slaWarningPushText(number: string, kind: SlaDeadlineKind, deadline: Date, language: Locale): PushText {
  const at = formatWib(deadline, language);
  if (language === 'en') {
    const what = kind === 'tanggapan' ? 'first response' : 'completion';
    return { title: `Ticket ${number} is nearly late`, body: `The ${what} deadline is ${at}.` };
  }
  const what = kind === 'tanggapan' ? 'tanggapan pertama' : 'penyelesaian';
  return { title: `Tiket ${number} hampir terlambat`, body: `Batas waktu ${what}: ${at}.` };
}
