import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getReadDb } from '@/db/client';
import { findPublicReports } from '@/db/queries/public';
import { listChannels, listPublicCategories, listRegionOptions } from '@/db/queries/reference';
import { FilterForm } from '@/components/reports/filter-form';
import { ReportList } from '@/components/reports/report-list';
import { formatNumber } from '@/lib/format';
import { filtersToQuery, pageSchema, parseFilters, parseSort } from '@/lib/reports/filters';

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_SIZE = 25;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('list'))('title') };
}

export default async function ReportListPage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = parseFilters(params);
  const sort = parseSort([params.urut].flat()[0]);
  const page = pageSchema.parse([params.halaman].flat()[0]);
  const t = await getTranslations('list');
  const db = getReadDb();
  const [result, categories, channels, regions] = await Promise.all([
    findPublicReports(db, filters, { page, pageSize: PAGE_SIZE, sort }),
    listPublicCategories(db),
    listChannels(db),
    listRegionOptions(db),
  ]);
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const query = filtersToQuery(filters);
  const pageHref = (p: number) => `/laporan?${filtersToQuery(filters, { urut: sort === 'terbaru' ? null : sort, halaman: p })}`;

  return (
    <div className="mx-auto max-w-6xl px-4 py-4 space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <FilterForm action="/laporan" filters={filters} categories={categories} channels={channels} regions={regions} sort={sort} />
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p role="status" data-testid="result-count">
          {t(result.totalIsLowerBound ? 'countMore' : 'count', { total: formatNumber(result.total) })}
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
      {pages > 1 ? (
        <nav aria-label={t('pagination')} className="flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="underline" rel="prev">
              {t('prev')}
            </Link>
          ) : (
            <span />
          )}
          <span>{t('page', { page: formatNumber(page), pages: formatNumber(pages) })}</span>
          {page < pages ? (
            <Link href={pageHref(page + 1)} className="underline" rel="next">
              {t('next')}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
