import Link from 'next/link';
import { connection } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { findPublicReports } from '@/db/queries/public';
import { listChannels, listPublicCategories, listRegionOptions } from '@/db/queries/reference';
import { ReportMap } from '@/components/map/report-map';
import { FilterForm } from '@/components/reports/filter-form';
import { ReportList } from '@/components/reports/report-list';
import { StatusLegend } from '@/components/reports/status-badge';
import { tileConfig } from '@/lib/config/map';
import { formatNumber } from '@/lib/format';
import { localName, type Locale } from '@/lib/i18n';
import { countMapReports } from '@/lib/map/server-index';
import { filtersToQuery, hasFilters, parseFilters } from '@/lib/reports/filters';
import { OPEN_STATUSES } from '@/lib/reports/lifecycle';

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

/** Newest reports under the map; the list page has the rest. */
const LATEST = 10;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  await connection();
  const filters = parseFilters(await searchParams);
  const query = filtersToQuery(filters);
  const t = await getTranslations('home');
  const locale = (await getLocale()) as Locale;
  const db = getDb();
  const [latest, counts, categories, channels, regions] = await Promise.all([
    findPublicReports(db, filters, { page: 1, pageSize: LATEST, sort: 'terbaru' }),
    // the map's own count for these filters, so that the headline says what the map shows
    countMapReports(filters),
    listPublicCategories(db),
    listChannels(db),
    listRegionOptions(db),
  ]);
  const onMap = Object.values(counts).reduce((a, b) => a + b, 0);
  const open = OPEN_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  // reports with neither pin nor kelurahan are in the list but cannot be drawn; say so
  const unplaced = latest.totalIsLowerBound ? 0 : Math.max(0, latest.total - onMap);
  const n = (value: number) => formatNumber(value, locale);
  const categoryNames = Object.fromEntries(categories.map((c) => [c.code, localName(c, locale)]));

  return (
    <div className="mx-auto max-w-6xl px-4 py-4 space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="text-sm text-gray-700" role="status" data-testid="map-summary" data-total={onMap}>
            {t(hasFilters(filters) ? 'summaryFiltered' : 'summary', { total: n(onMap), open: n(open), done: n(counts.selesai) })}
            {unplaced > 0 ? ` ${t('unplaced', { n: n(unplaced) })}` : ''}
          </p>
        </div>
        <StatusLegend />
      </div>
      <details className="group" open={query !== ''}>
        <summary className="cursor-pointer text-sm font-semibold">{(await getTranslations('filters'))('title')}</summary>
        <div className="mt-2">
          <FilterForm action="/" filters={filters} categories={categories} channels={channels} regions={regions} />
        </div>
      </details>
      <section aria-label={t('mapLabel')} className="h-[60vh] min-h-[320px] overflow-hidden rounded-lg border" data-testid="report-map">
        <ReportMap {...tileConfig()} categoryNames={categoryNames} filterQuery={query} />
      </section>
      <section aria-labelledby="terbaru" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="terbaru" className="text-lg font-semibold">
            {t('latest')}
          </h2>
          <Link href={`/laporan${query ? `?${query}` : ''}`} className="text-sm underline">
            {t('listAlt')}
          </Link>
        </div>
        <ReportList reports={latest.reports} />
        {latest.total > latest.reports.length ? (
          <p className="text-sm" data-testid="latest-more">
            {t(latest.totalIsLowerBound ? 'latestOfMore' : 'latestOf', { shown: n(latest.reports.length), total: n(latest.total) })}{' '}
            <Link href={`/laporan${query ? `?${query}` : ''}`} className="underline">
              {t('seeAll')}
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
