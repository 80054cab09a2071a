import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { surveyForTicket } from '@/lib/skm/survey';
import { PushOptIn } from '@/components/push/push-opt-in';
import { pushOptInProps } from '@/components/push/push-opt-in-props';
import { TrackedReportDetails, TrackedTimeline } from '@/components/reports/tracked-report';
import { getTrackedReport, trackingAccess } from '@/lib/intake/tracker';
import { formatDate, decodeParam } from '@/lib/format';
import type { Locale } from '@/lib/i18n';
import { isOpen, REOPEN_WINDOW_DAYS } from '@/lib/reports/lifecycle';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';
import { trackingAction } from './actions';

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ nomor: string }>; searchParams: Promise<{ kunci?: string; pesan?: string }> };

// The page's address carries the private key: never send it on as a Referer.
export const metadata: Metadata = { title: 'Pantau laporan', referrer: 'no-referrer', robots: { index: false } };

const box = 'rounded-lg border bg-white p-4 space-y-2';
const field = 'w-full rounded border border-gray-500 px-3 py-2';
const button = 'rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white';

export default async function TrackingPage({ params, searchParams }: Props) {
  const { nomor } = await params;
  const { kunci = '', pesan } = await searchParams;
  const number = normalizeTicketNumber(decodeParam(nomor));
  if (!number) notFound();
  const db = getDb();
  const t = await getTranslations('pantau');
  const tSkm = await getTranslations('skm');
  const tTrack = await getTranslations('track');
  const locale = (await getLocale()) as Locale;
  // the reporter's own view, read only when the key opens it (lib/intake/tracker.ts)
  const report = await getTrackedReport(db, number, kunci);
  if (!report) {
    const access = await trackingAccess(db, number, kunci);
    // any JKR number gets the same answer, issued or not: it points to the private link only
    const message = access === 'confidential' ? tTrack('confidential') : t('invalid');
    return (
      <div className="mx-auto max-w-xl px-4 py-10">
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-800" data-testid="tracking-refused">{message}</p>
      </div>
    );
  }
  const { rating } = report;
  // after Selesai, the reporter may rate the unit that handled it in its satisfaction survey (once);
  // a confidential ticket's reporter is not sent to a public survey page
  const survey = report.status === 'selesai' && !report.isConfidential ? await surveyForTicket(db, number, new Date()) : null;
  const hidden = (
    <>
      <input type="hidden" name="nomor" value={number} />
      <input type="hidden" name="kunci" value={kunci} />
    </>
  );
  const messageKey = pesan?.startsWith('gangguan') ? 'gangguan' : pesan;
  const push = await pushOptInProps('citizen', `/api/lacak/${number}/push`, { kunci });
  const reopenUntil = report.finishedAt ? new Date(report.finishedAt.getTime() + REOPEN_WINDOW_DAYS * 86_400_000) : null;

  return (
    <div className="mx-auto max-w-2xl px-4 py-6 space-y-4">
      <h1 className="text-2xl font-bold">{t('title', { number })}</h1>
      <p className="text-sm text-gray-700">{t('privateNote')}</p>
      {messageKey ? (
        <p role="status" className="rounded border border-sky-300 bg-sky-50 p-3" data-testid="tracking-message">
          {t.has(`messages.${messageKey}`) ? t(`messages.${messageKey}` as 'messages.gangguan') : t('messages.gangguan')}
        </p>
      ) : null}
      <TrackedReportDetails report={report} kunci={kunci} locale={locale} t={t} />
      {/* confidential tickets have no public page */}
      {report.isConfidential ? null : (
        <p>
          <Link href={`/laporan/${number}`} className="underline">{t('publicPage')}</Link>
        </p>
      )}

      {push ? <PushOptIn {...push} /> : null}

      {isOpen(report.status) ? (
        <form action={trackingAction} className={box}>
          {hidden}
          <input type="hidden" name="aksi" value="informasi" />
          <label htmlFor="teks" className="block font-semibold">{t('addInfo')}</label>
          <p className="text-sm text-gray-700">{t('addInfoHint')}</p>
          <textarea id="teks" name="teks" rows={3} maxLength={2000} className={field} />
          <button className={button}>{t('send')}</button>
        </form>
      ) : null}

      {report.status === 'menunggu_validasi' ? (
        <div className={box} data-testid="validation-question">
          <p className="font-semibold">{t('validationQuestion')}</p>
          <form action={trackingAction}>
            {hidden}
            <input type="hidden" name="aksi" value="konfirmasi" />
            <button className={button}>{t('confirm')}</button>
          </form>
          <form action={trackingAction} className="space-y-2 border-t pt-2">
            {hidden}
            <input type="hidden" name="aksi" value="sanggah" />
            <label htmlFor="sanggahan" className="block text-sm font-medium">{t('disputeReason')}</label>
            <textarea id="sanggahan" name="alasan" rows={2} maxLength={1000} required minLength={5} className={field} />
            <label htmlFor="foto-sanggahan" className="block text-sm font-medium">{t('disputePhoto')}</label>
            <input id="foto-sanggahan" type="file" name="foto" accept="image/jpeg,image/png,image/webp,image/heic" />
            <button className="rounded border border-red-700 px-4 py-2 font-semibold text-red-800">{t('dispute')}</button>
          </form>
        </div>
      ) : null}

      {report.status === 'selesai' ? (
        <>
          <div className={box}>
            <p className="font-semibold">{t('doneQuestion')}</p>
            <form action={trackingAction}>
              {hidden}
              <input type="hidden" name="aksi" value="konfirmasi" />
              <button className={button}>{t('confirm')}</button>
            </form>
            <form action={trackingAction} className="space-y-2 border-t pt-2">
              {hidden}
              <input type="hidden" name="aksi" value="buka" />
              <label htmlFor="alasan" className="block text-sm font-medium">{t('disputeReason')}</label>
              <textarea id="alasan" name="alasan" rows={2} maxLength={1000} className={field} />
              {reopenUntil ? <p className="text-xs text-gray-700">{t('disputeWindow', { date: formatDate(reopenUntil, locale) })}</p> : null}
              <button className="rounded border border-red-700 px-4 py-2 font-semibold text-red-800">{t('dispute')}</button>
            </form>
          </div>
          {survey ? (
            <p className={box}>
              <Link href={`/skm/${survey.code}?nomor=${number}&kunci=${encodeURIComponent(kunci)}`} className="font-semibold underline" data-testid="skm-link">
                {tSkm('answerFor', { unit: survey.name })}
              </Link>
            </p>
          ) : null}
          {rating ? (
            <p className={box}>{t('rated', { score: rating.score })}</p>
          ) : (
            <form action={trackingAction} className={box}>
              {hidden}
              <input type="hidden" name="aksi" value="nilai" />
              <fieldset>
                <legend className="font-semibold">{t('rate')}</legend>
                <p className="text-sm text-gray-700">{t('score')}</p>
                <div className="mt-1 flex gap-4">
                  {[1, 2, 3, 4, 5].map((s) => (
                    <label key={s} className="flex items-center gap-1">
                      <input type="radio" name="skor" value={s} required /> {s}
                    </label>
                  ))}
                </div>
              </fieldset>
              <label htmlFor="komentar" className="block text-sm font-medium">{t('comment')}</label>
              <textarea id="komentar" name="komentar" rows={2} maxLength={1000} className={field} />
              <button className={button}>{t('rateSend')}</button>
            </form>
          )}
        </>
      ) : null}

      <TrackedTimeline report={report} kunci={kunci} locale={locale} t={t} />
    </div>
  );
}
