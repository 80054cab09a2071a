import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getReadDb } from '@/db/client';
import { findPublicReports } from '@/db/queries/public';
import { cachedChannels, cachedPublicCategories, cachedRegionOptions } from '@/db/queries/reference-cache';
import { FilterForm } from '@/components/reports/filter-form';
import { shortMemo } from '@/lib/cache/short-memo';
import { ReportList } from '@/components/reports/report-list';
import { Pagination } from '@/components/ui/pagination';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n';
import { filtersToQuery, pageSchema, parseFilters, parseSort } from '@/lib/reports/filters';
import { paging } from '@/lib/reports/paging';

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 25;

// The same list for everyone for ten seconds: on a busy day most visitors open the same few pages,
// and each page is two queries (rows and a count up to 10,001) otherwise. Lists may already lag
// the primary (they read from a replica when there is one).
const findListPage = shortMemo(findPublicReports, {
  ttlMs: 10_000,
  maxEntries: 1_000,
  key: (_db, filters, options) => JSON.stringify([filters, options]),
});

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('list'))('title') };
}

export default async function ReportListPage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = parseFilters(params);
  const sort = parseSort([params.urut].flat()[0]);
  const page = pageSchema.parse([params.halaman].flat()[0]);
  const t = await getTranslations('list');
  const locale = (await getLocale()) as Locale;
  const db = getReadDb();
  const [result, categories, channels, regions] = await Promise.all([
    findListPage(db, filters, { page, pageSize: PAGE_SIZE, sort }),
    cachedPublicCategories(db),
    cachedChannels(db),
    cachedRegionOptions(db),
  ]);
  const query = filtersToQuery(filters);
  const pageHref = (p: number) => `/laporan?${filtersToQuery(filters, { urut: sort === 'terbaru' ? null : sort, halaman: p === 1 ? null : p })}`;
  const pages = paging({ page, pageSize: PAGE_SIZE, total: result.total, totalIsLowerBound: result.totalIsLowerBound, shown: result.reports.length });
  // a page past the end (an old link, a typed number) goes to the last page, not to an empty one
  if (pages.redirectTo !== null) redirect(pageHref(pages.redirectTo));
  const n = (value: number) => formatNumber(value, locale);

  return (
    <div className="mx-auto max-w-6xl px-4 py-4 space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <FilterForm action="/laporan" filters={filters} categories={categories} channels={channels} regions={regions} sort={sort} />
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p role="status">
          <span data-testid="result-count">{t(result.totalIsLowerBound ? 'countMore' : 'count', { total: n(result.total) })}</span>
          {pages.to > 0 && (pages.hasNext || pages.hasPrevious) ? <span data-testid="result-range"> · {t('showing', { from: n(pages.from), to: n(pages.to) })}</span> : null}
        </p>
        <p className="flex flex-wrap gap-3">
          <Link href={`/${query ? `?${query}` : ''}`} className="underline">
            {t('onMap')}
          </Link>
          <span>{t('download')}:</span>
          <a href={`/api/laporan.csv${query ? `?${query}` : ''}`} className="underline" download>
            {t('csv')}
          </a>
          <a href={`/api/laporan.geojson${query ? `?${query}` : ''}`} className="underline" download>
            {t('geojson')}
          </a>
          <span>{t('follow')}:</span>
          <a href={`/api/laporan.atom${query ? `?${query}` : ''}`} className="underline" type="application/atom+xml">
            Atom
          </a>
          <a href={`/api/laporan.rss${query ? `?${query}` : ''}`} className="underline" type="application/rss+xml">
            RSS
          </a>
        </p>
      </div>
      <ReportList reports={result.reports} />
      <Pagination paging={pages} href={pageHref} />
    </div>
  );
}
