import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getRegion } from '@/db/queries/reference';
import { loadRegionPage } from '@/db/queries/public/region-page';
import { ReportMap } from '@/components/map/report-map';
import { ReportList } from '@/components/reports/report-list';
import { tileConfig } from '@/lib/config/map';
import { formatDuration, formatNumber, formatRating } from '@/lib/format';
import { localName, type Locale } from '@/lib/i18n';
import { shortRegionName } from '@/lib/regions/names';
import { filtersToQuery } from '@/lib/reports/filters';
import { OPEN_STATUSES } from '@/lib/reports/lifecycle';
import { requestTime } from '@/lib/sla/clock';

type Props = { params: Promise<{ locale: Locale; kode: string }> };

// Rendered once per language on first visit and served from the page cache for ten minutes:
// a region's figures cover thousands of reports and are not worth recomputing per visitor.
export const revalidate = 600;

export function generateStaticParams() {
  return [];
}

const CODE = /^31\.\d{2}(\.\d{2}(\.\d{4})?)?$/;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { kode } = await params;
  const region = CODE.test(kode) ? await getRegion(getDb(), kode) : null;
  return { title: region ? shortRegionName(region.name) : kode.slice(0, 20) };
}

export default async function RegionPage({ params }: Props) {
  const { locale, kode } = await params;
  setRequestLocale(locale);
  if (!CODE.test(kode)) notFound();
  const [page, t] = await Promise.all([loadRegionPage(getDb(), kode, requestTime()), getTranslations('region')]);
  if (!page) notFound();
  const { region, filters, figures, children, ancestors, categories, openReports, finishedReports } = page;
  const query = filtersToQuery(filters);
  const pct = figures.total ? Math.round((figures.finished / figures.total) * 100) : 0;
  const stats = [
    { label: t('total'), value: formatNumber(figures.total, locale) },
    { label: t('open'), value: formatNumber(figures.open, locale) },
    { label: t('finishedPct'), value: `${pct}%` },
    {
      label: t('medianFinish'),
      value: figures.medianHoursToFinish === null ? t('none') : formatDuration(figures.medianHoursToFinish * 3_600_000, locale),
    },
    { label: t('overdue'), value: formatNumber(figures.overdue, locale) },
    { label: t('rating'), value: figures.averageRating === null ? t('none') : formatRating(figures.averageRating, locale) },
  ];

  return (
    <div className="mx-auto max-w-6xl px-4 py-4 space-y-5">
      <header className="space-y-1">
        <nav aria-label="breadcrumb" className="text-sm text-gray-700">
          {ancestors.filter(Boolean).map((a) => (
            <span key={a!.code}>
              <Link href={`/wilayah/${a!.code}`} className="underline">
                {shortRegionName(a!.name)}
              </Link>{' '}
              /{' '}
            </span>
          ))}
        </nav>
        <h1 className="text-2xl font-bold">
          {t(region.level)} {shortRegionName(region.name)}
        </h1>
        <p className="font-mono text-sm text-gray-700">{region.code}</p>
      </header>

      <section aria-labelledby="angka">
        <h2 id="angka" className="sr-only">
          {t('figures')}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="region-figures">
          {stats.map((s) => (
            <div key={s.label} className="rounded-lg border bg-white p-3">
              <dt className="text-xs text-gray-700">{s.label}</dt>
              <dd className="text-xl font-bold">{s.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-label={shortRegionName(region.name)} className="h-[45vh] min-h-[280px] overflow-hidden rounded-lg border">
        <ReportMap
          {...tileConfig()}
          categoryNames={Object.fromEntries(categories.map((c) => [c.code, localName(c, locale)]))}
          filterQuery={query}
          bounds={[
            [region.minLat, region.minLng],
            [region.maxLat, region.maxLng],
          ]}
        />
      </section>

      <p className="flex flex-wrap gap-3">
        <Link href={`/laporan?${query}`} className="underline">
          {t('allReports')}
        </Link>
        <span>{t('follow')}:</span>
        <a href={`/api/laporan.atom?${query}`} className="underline" type="application/atom+xml">
          Atom
        </a>
        <a href={`/api/laporan.rss?${query}`} className="underline" type="application/rss+xml">
          RSS
        </a>
        <Link href={`/ikuti?wilayah=${region.code}`} className="underline" prefetch={false}>
          {t('followEmail')}
        </Link>
      </p>

      <div className="grid gap-5 lg:grid-cols-2">
        {(
          [
            ['terbuka', t('openReports'), openReports, OPEN_STATUSES],
            ['selesai', t('finishedReports'), finishedReports, ['selesai']],
          ] as const
        ).map(([id, title, list, status]) => (
          <section key={id} aria-labelledby={id} className="space-y-2">
            <h2 id={id} className="text-lg font-semibold">
              {title} ({list.totalIsLowerBound ? t('countMore', { n: formatNumber(list.total, locale) }) : formatNumber(list.total, locale)})
            </h2>
            <ReportList reports={list.reports} />
            {list.total > list.reports.length ? (
              // ten of many: say so, and where the rest are
              <p className="text-sm" data-testid={`more-${id}`}>
                {t('shownOf', { shown: formatNumber(list.reports.length, locale) })}{' '}
                <Link href={`/laporan?${filtersToQuery({ ...filters, status: [...status] })}`} className="underline">
                  {t('seeAll')}
                </Link>
              </p>
            ) : null}
          </section>
        ))}
      </div>

      {children.length > 0 ? (
        <section aria-labelledby="anak" className="space-y-2">
          <h2 id="anak" className="text-lg font-semibold">
            {t('children')}
          </h2>
          <ul className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3 lg:grid-cols-4">
            {children.map((c) => (
              <li key={c.code}>
                <Link href={`/wilayah/${c.code}`} className="underline">
                  {shortRegionName(c.name)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
