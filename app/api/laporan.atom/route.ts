import { feedResponse } from '@/lib/feeds/route';

/** GET /api/laporan.atom?<filters> → the 50 newest public reports matching the filters, with GeoRSS points. */
export const GET = feedResponse('atom');
