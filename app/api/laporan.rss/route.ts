import { feedResponse } from '@/lib/feeds/route';

/** GET /api/laporan.rss?<filters> → the 50 newest public reports matching the filters, with GeoRSS points. */
export const GET = feedResponse('rss');
