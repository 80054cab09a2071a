import type { getTranslations } from 'next-intl/server';
import { StatusBadge } from '@/components/reports/status-badge';
import { formatDate, formatWib } from '@/lib/format';
import { eventLabel, type Locale } from '@/lib/i18n';
import type { TrackedActor, TrackedPhoto, TrackedReport } from '@/lib/intake/tracker';
import { shortRegionName } from '@/lib/regions/names';

/*
 * The reporter's own report on their private tracking page: what they wrote, where, their photos,
 * who handles it, and everything that happened since (lib/intake/tracker.ts decides what is in it).
 */

const box = 'rounded-lg border bg-white p-4 space-y-2';

/** The page's 'pantau' translator (passed in: these render synchronously inside the page). */
type Translate = Awaited<ReturnType<typeof getTranslations>>;
type Props = { report: TrackedReport; kunci: string; locale: Locale; t: Translate };

/** Photos served behind the same private key (/api/lacak/…/foto/…), never through the public route. */
function Photos({ photos, number, kunci, alt }: { photos: TrackedPhoto[]; number: string; kunci: string; alt: (p: TrackedPhoto) => string }) {
  const src = (p: TrackedPhoto, small: boolean) => `/api/lacak/${number}/foto/${p.id}?kunci=${encodeURIComponent(kunci)}${small ? '&ukuran=kecil' : ''}`;
  return (
    <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
      {photos.map((p) => (
        <li key={p.id}>
          <a href={src(p, false)}>
            {/* eslint-disable-next-line @next/next/no-img-element -- already re-encoded and sized by us */}
            <img src={src(p, true)} alt={alt(p)} width={240} height={Math.round((240 * p.height) / p.width)} loading="lazy" className="h-auto w-full rounded border" />
          </a>
        </li>
      ))}
    </ul>
  );
}

export function TrackedReportDetails({ report, kunci, locale, t }: Props) {
  const place = [
    report.kelurahanName && `Kel. ${report.kelurahanName}`,
    report.kecamatanName && `Kec. ${report.kecamatanName}`,
    report.kotaName && shortRegionName(report.kotaName),
  ].filter(Boolean);
  const alt = (p: TrackedPhoto) => t('photoAlt', { kind: t(`photoKind.${p.kind}`) });
  return (
    <>
      <div className={box} data-testid="tracked-status">
        <p>
          {t('status')}: <StatusBadge status={report.status} locale={locale} />
        </p>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-gray-700">{t('handledBy')}</dt>
            <dd data-testid="tracked-unit">{report.handlingAgencyName ?? '—'}</dd>
          </div>
          {report.estimatedCompletionAt && report.status !== 'selesai' && report.status !== 'ditolak' ? (
            <div>
              <dt className="text-gray-700">{t('estimate')}</dt>
              <dd>{formatDate(report.estimatedCompletionAt, locale)}</dd>
            </div>
          ) : null}
          {report.rejectReason ? (
            <div>
              <dt className="text-gray-700">{t('rejectedBecause')}</dt>
              <dd>
                {t(`rejectReason.${report.rejectReason}`)}
                {report.duplicateOf ? ` (${t('duplicateOf', { number: report.duplicateOf })})` : ''}
              </dd>
            </div>
          ) : null}
        </dl>
      </div>

      <section aria-labelledby="laporan-anda" className={box}>
        <h2 id="laporan-anda" className="font-semibold">{t('yourReport')}</h2>
        <p className="text-sm text-gray-700">{report.isConfidential ? t('confidentialNote') : report.isPublic ? t('publicNote') : t('privateReportNote')}</p>
        <p className="text-sm">{locale === 'en' ? report.categoryNameEn : report.categoryName}</p>
        <p className="whitespace-pre-line" data-testid="tracked-description">{report.description}</p>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {report.address ? (
            <div>
              <dt className="text-gray-700">{t('address')}</dt>
              <dd>{report.address}</dd>
            </div>
          ) : null}
          <div>
            <dt className="text-gray-700">{t('location')}</dt>
            <dd>{place.length ? place.join(', ') : '—'}</dd>
          </div>
          <div>
            <dt className="text-gray-700">{t('filed')}</dt>
            <dd>{formatWib(report.createdAt, locale)}</dd>
          </div>
        </dl>
        {report.photos.length ? <Photos photos={report.photos} number={report.number} kunci={kunci} alt={alt} /> : null}
      </section>
    </>
  );
}

export function TrackedTimeline({ report, kunci, locale, t }: Props) {
  const actor = (a: TrackedActor) => (a.kind === 'unit' ? a.name : t(`actor.${a.kind}`));
  const alt = (p: TrackedPhoto) => t('photoAlt', { kind: t(`photoKind.${p.kind}`) });
  return (
    <section aria-labelledby="riwayat" className="space-y-3">
      <h2 id="riwayat" className="text-lg font-semibold">{t('timeline')}</h2>
      <ol className="relative space-y-4 border-l-2 border-slate-300 pl-5" data-testid="tracked-timeline">
        {report.events.map((e) => (
          <li key={e.id} className="space-y-1">
            <p className="text-sm font-semibold">{eventLabel(e.type, locale)}</p>
            <p className="text-xs text-gray-700">
              {formatWib(e.createdAt, locale)} · {actor(e.actor)}
            </p>
            {e.estimatedAt ? <p className="text-sm">{t('estimateOn', { date: formatDate(e.estimatedAt, locale) })}</p> : null}
            {e.score !== null ? <p className="text-sm">{t('rated', { score: e.score })}</p> : null}
            {e.body ? <p className="whitespace-pre-line text-sm text-gray-800">{e.body}</p> : null}
            {e.photos.length ? <Photos photos={e.photos} number={report.number} kunci={kunci} alt={alt} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
