import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import {
  getHandlingChain,
  getPublicPhotos,
  getPublicRating,
  getPublicReport,
  getPublicTimeline,
} from '@/db/queries/public';
import { getRegionCenter } from '@/db/queries/reference';
import { ReportMap } from '@/components/map/report-map';
import { SlaClock } from '@/components/reports/sla-clock';
import { StatusBadge } from '@/components/reports/status-badge';
import { tileConfig } from '@/lib/config/map';
import { formatDate, formatWib, decodeParam } from '@/lib/format';
import { eventLabel, type Locale } from '@/lib/i18n';
import { placeOf } from '@/lib/map/place';
import { shortRegionName } from '@/lib/regions/names';
import { isOpen } from '@/lib/reports/lifecycle';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';
import { requestTime } from '@/lib/sla/clock';

type Props = { params: Promise<{ locale: Locale; nomor: string }> };

// Rendered once per language on first visit and served from the page cache after that. Changes
// made through this server (staff and citizen actions) drop the cached page at once; on
// PostgreSQL, changes made through another instance or by the escalation worker arrive within
// seconds through LISTEN/NOTIFY (lib/cache/listener.ts). The SLA clock is kept
// current in the browser. A shorter period would re-render every popular ticket every few
// minutes: at 2 million reports that costs more than all cached traffic together.
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { nomor } = await params;
  return { title: decodeParam(nomor).toUpperCase().slice(0, 20) };
}

export default async function ReportPage({ params }: Props) {
  const { locale, nomor } = await params;
  setRequestLocale(locale);
  const number = normalizeTicketNumber(decodeParam(nomor));
  if (!number) notFound();
  if (number !== nomor) redirect(`/laporan/${number}`);
  const db = getDb();
  const report = await getPublicReport(db, number);
  if (!report) notFound();
  const [timeline, rating, photos, chain, kelurahanCenter, t, messages] = await Promise.all([
    getPublicTimeline(db, number),
    getPublicRating(db, number),
    getPublicPhotos(db, number),
    getHandlingChain(db, number),
    report.lat === null && report.kelurahanCode ? getRegionCenter(db, report.kelurahanCode) : null,
    getTranslations('report'),
    getMessages(),
  ]);
  // a report without a pin is shown at its kelurahan's centre, as the map shows it
  const place = placeOf(report, kelurahanCenter);
  const open = isOpen(report.status);
  const placeNames = [
    report.kelurahanName && `Kel. ${report.kelurahanName}`,
    report.kecamatanName && `Kec. ${report.kecamatanName}`,
    report.kotaName && shortRegionName(report.kotaName),
  ].filter(Boolean);

  return (
    <article className="mx-auto max-w-3xl px-4 py-6 space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-gray-700">
          <Link href="/laporan" className="underline">
            {t('breadcrumb')}
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-bold">{report.number}</h1>
          <StatusBadge status={report.status} locale={locale} />
        </div>
        <p className="text-lg">{locale === 'en' ? report.categoryNameEn : report.categoryName}</p>
      </header>

      <section aria-label={t('content')} className="rounded-lg border bg-white p-4 space-y-3">
        {report.description ? (
          <p className="whitespace-pre-line" data-testid="description">
            {report.description}
          </p>
        ) : (
          <p className="text-gray-700 italic">{report.isPublic ? t('hiddenNotice') : t('privateNotice')}</p>
        )}
        {report.isModerated ? (
          <p className="text-sm text-gray-700" data-testid="moderated">
            {t('moderatedNotice')}
          </p>
        ) : null}
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-gray-700">{t('location')}</dt>
            <dd>
              {report.kelurahanCode ? (
                <Link href={`/wilayah/${report.kelurahanCode}`} className="underline">
                  {placeNames.join(', ')}
                </Link>
              ) : (
                t('unknownLocation')
              )}
              {place?.isApproximate ? (
                <span className="block text-gray-700 italic" data-testid="approximate-location">
                  {t('approximateLocation')}
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt className="text-gray-700">{t('handledBy')}</dt>
            <dd>{report.handlingAgencyName ?? '—'}</dd>
          </div>
          <div>
            <dt className="text-gray-700">{t('filed')}</dt>
            <dd>{formatWib(report.createdAt, locale)}</dd>
          </div>
          <div>
            <dt className="text-gray-700">{open ? t('waiting') : t('took')}</dt>
            <NextIntlClientProvider messages={{ report: messages.report }}>
            <SlaClock
              status={report.status}
              createdAt={report.createdAt.toISOString()}
              dueAt={report.dueAt?.toISOString() ?? null}
              finishedAt={report.finishedAt?.toISOString() ?? null}
              estimatedCompletionAt={report.estimatedCompletionAt?.toISOString() ?? null}
              locale={locale}
              renderedAt={requestTime().toISOString()}
            />
            </NextIntlClientProvider>
          </div>
          {report.estimatedCompletionAt ? (
            <div>
              <dt className="text-gray-700">{t('estimate')}</dt>
              <dd>{formatDate(report.estimatedCompletionAt, locale)}</dd>
            </div>
          ) : null}
          {report.supportCount > 0 ? (
            <div>
              <dt className="text-gray-700">{t('support')}</dt>
              <dd>{t('supportCount', { count: report.supportCount })}</dd>
            </div>
          ) : null}
        </dl>
        {chain.length > 0 ? (
          <div className="text-sm">
            <h2 className="text-gray-700">{t('chain')}</h2>
            <ol className="mt-1 flex flex-wrap items-center gap-1" data-testid="handling-chain">
              {chain.map((unit, i) => (
                <li key={i} className="flex items-center gap-1">
                  {i > 0 ? <span aria-hidden>→</span> : null}
                  <span className="rounded bg-slate-100 px-2 py-0.5">{unit}</span>
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </section>

      {place ? (
        <section aria-label={t('smallMap')} className="h-56 overflow-hidden rounded-lg border">
          <ReportMap
            {...tileConfig()}
            categoryNames={{}}
            single={{ lat: place.lat, lng: place.lng, status: report.status, approximate: place.isApproximate }}
          />
        </section>
      ) : null}
      {report.lat !== null && report.lng !== null ? (
        <p className="text-sm">
          <Link href={`/ikuti?lat=${report.lat}&lng=${report.lng}&radius=500`} className="underline" prefetch={false}>
            {t('history.followNear')}
          </Link>
          {' · '}
          <a href={`/api/laporan.atom?dekat=${report.lat},${report.lng},500`} className="underline" type="application/atom+xml">
            Atom
          </a>
        </p>
      ) : null}

      {photos.length > 0 ? (
        <section aria-labelledby="foto" className="space-y-2">
          <h2 id="foto" className="text-lg font-semibold">
            {t('photos')}
          </h2>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            {photos.map((p) => {
              // after-photos of a follow-up the validator rejected are not proof of finished work
              const kind = p.kind !== 'sesudah' ? t('before') : p.isFromRejectedFollowUp ? t('afterRejected') : t('after');
              return (
                <li key={p.id} className="space-y-1">
                  <a href={`/api/foto/${p.id}`}>
                    {/* eslint-disable-next-line @next/next/no-img-element -- already re-encoded and sized by us */}
                    <img
                      src={`/api/foto/${p.id}?ukuran=kecil`}
                      alt={t('photoAlt', { kind, number: report.number })}
                      width={320}
                      height={Math.round((320 * p.height) / p.width)}
                      loading="lazy"
                      className="h-auto w-full rounded border"
                    />
                  </a>
                  <p className={`text-xs ${p.isFromRejectedFollowUp ? 'font-semibold text-red-800' : 'text-gray-700'}`} data-testid="photo-kind">
                    {kind} · {formatWib(p.createdAt, locale)}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {rating ? (
        <section aria-label={t('rating')} className="rounded-lg border bg-white p-4">
          <h2 className="font-semibold">{t('rating')}</h2>
          <p>
            <span aria-hidden className="text-amber-600">
              {'★'.repeat(rating.score)}
              <span className="text-gray-400">{'★'.repeat(5 - rating.score)}</span>
            </span>{' '}
            {t('ratingOf', { score: rating.score })}
          </p>
          {rating.comment ? <p className="text-sm text-gray-700">“{rating.comment}”</p> : null}
        </section>
      ) : null}

      <section aria-labelledby="riwayat" className="space-y-3">
        <h2 id="riwayat" className="text-lg font-semibold">
          {t('timeline')}
        </h2>
        <p className="text-sm">
          <Link href={`/laporan/${number}/riwayat`} className="underline" prefetch={false}>
            {t('history.link')}
          </Link>
          {' · '}
          <Link href={`/ikuti?nomor=${number}`} className="underline" prefetch={false}>
            {t('history.follow')}
          </Link>
          {' · '}
          <a href={`/api/laporan/${number}/riwayat.atom`} className="underline" type="application/atom+xml">
            Atom
          </a>
        </p>
        <ol className="relative border-l-2 border-slate-300 pl-5 space-y-4" data-testid="timeline">
          {timeline.map((e, i) => (
            <li key={i}>
              <p className="text-sm font-semibold">{eventLabel(e.type, locale)}</p>
              <p className="text-xs text-gray-700">
                {formatWib(e.createdAt, locale)}
                {e.actor ? ` · ${e.actor === 'Pelapor' ? t('reporter') : e.actor}` : ''}
              </p>
              {e.body ? <p className="text-sm text-gray-800">{e.body}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
