import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n';
import type { Paging } from '@/lib/reports/paging';

/**
 * Previous / next (and first / last when known) links under a list, with "page 3 of 10", or
 * "page 401 of 800+" when the total was counted only up to a cap. Never names a page past the last.
 */
export async function Pagination({ paging, href }: { paging: Paging; href: (page: number) => string }) {
  if (!paging.hasPrevious && !paging.hasNext) return null;
  const t = await getTranslations('paging');
  const locale = (await getLocale()) as Locale;
  const n = (value: number) => formatNumber(value, locale);
  const { page, pages } = paging;
  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid="pagination">
      <span className="flex gap-3">
        {page > 2 ? (
          <Link href={href(1)} className="underline">
            {t('first')}
          </Link>
        ) : null}
        {paging.hasPrevious ? (
          <Link href={href(page - 1)} className="underline" rel="prev">
            {t('previous')}
          </Link>
        ) : null}
      </span>
      <span data-testid="page-of">
        {paging.pagesIsLowerBound ? t('pageOfMore', { page: n(page), pages: n(pages) }) : t('page', { page: n(page), pages: n(pages) })}
      </span>
      <span className="flex gap-3">
        {paging.hasNext ? (
          <Link href={href(page + 1)} className="underline" rel="next">
            {t('next')}
          </Link>
        ) : null}
        {!paging.pagesIsLowerBound && page < pages - 1 ? (
          <Link href={href(pages)} className="underline">
            {t('last')}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
