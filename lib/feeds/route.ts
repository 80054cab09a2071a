import 'server-only';
import type { NextRequest } from 'next/server';
import { getDb, getReadDb } from '@/db/client';
import { findPublicReports, findPublicReportsNear, getPublicReport, getPublicTimeline } from '@/db/queries/public';
import { publicUrlForRequest } from '@/lib/config/public-url';
import { filtersToQuery, parseFilters } from '@/lib/reports/filters';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';
import { reportsFeed, type FeedFormat } from './reports-feed';
import { ticketFeed } from './ticket-feed';
import { decodeParam } from '@/lib/format';

const ITEMS = 50;

/** A feed answer, cacheable by clients and proxies for five minutes. */
const feedAnswer = (format: FeedFormat, body: string) =>
  new Response(body, {
    headers: {
      'Content-Type': format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300, s-maxage=300, stale-while-revalidate=600',
      // its links follow the address asked (an alias, or any host in the demo)
      Vary: 'X-Forwarded-Host, X-Forwarded-Proto',
    },
  });

/** The GET handler of a reports feed. */
export function feedResponse(format: FeedFormat) {
  return async function GET(request: NextRequest) {
    const params = request.nextUrl.searchParams;
    const filters = parseFilters(params);
    // dekat=lat,lng,radius: reports around a point instead of the filters
    const near = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?),(\d{2,4})$/.exec(params.get('dekat') ?? '');
    const radius = near ? Math.min(5000, Math.max(100, Number(near[3]))) : 0;
    const reports = near
      ? await findPublicReportsNear(getReadDb(), Number(near[1]), Number(near[2]), radius, ITEMS)
      : (await findPublicReports(getReadDb(), filters, { page: 1, pageSize: ITEMS, sort: 'terbaru', countCap: ITEMS })).reports;
    const query = near ? `dekat=${near[1]},${near[2]},${radius}` : filtersToQuery(filters);
    return feedAnswer(format, reportsFeed(reports, { format, site: publicUrlForRequest(request.headers), query, title: 'Aduan Jakarta — laporan terbaru' }));
  };
}

/** The GET handler of one ticket's timeline feed (404 for unknown or confidential tickets). */
export function ticketFeedResponse(format: FeedFormat) {
  return async function GET(request: NextRequest, { params }: { params: Promise<{ nomor: string }> }) {
    const number = normalizeTicketNumber(decodeParam((await params).nomor));
    const report = number ? await getPublicReport(getDb(), number) : null;
    if (!number || !report) {
      return Response.json({ error: 'Laporan tidak ditemukan.', error_en: 'Report not found.' }, { status: 404 });
    }
    return feedAnswer(format, ticketFeed(number, await getPublicTimeline(getDb(), number), format, publicUrlForRequest(request.headers)));
  };
}
