import 'server-only';
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { findPublicReports } from '@/db/queries/public-reports';
import { publicUrl } from '@/lib/config/public-url';
import { filtersToQuery, parseFilters } from '@/lib/reports/filters';
import { reportsFeed, type FeedFormat } from './reports-feed';

const ITEMS = 50;

/** The GET handler of a reports feed: cached by clients and proxies for five minutes. */
export function feedResponse(format: FeedFormat) {
  return async function GET(request: NextRequest) {
    const filters = parseFilters(request.nextUrl.searchParams);
    const { reports } = await findPublicReports(getDb(), filters, { page: 1, pageSize: ITEMS, sort: 'terbaru', countCap: ITEMS });
    const body = reportsFeed(reports, { format, site: publicUrl(), query: filtersToQuery(filters), title: 'Aduan Jakarta — laporan terbaru' });
    return new Response(body, {
      headers: {
        'Content-Type': format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8',
        'Cache-Control': 'public, max-age=300, s-maxage=300, stale-while-revalidate=600',
      },
    });
  };
}
