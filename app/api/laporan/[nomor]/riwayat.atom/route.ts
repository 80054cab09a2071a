import { ticketFeedResponse } from '@/lib/feeds/route';

/** GET /api/laporan/{nomor}/riwayat.atom → the public timeline of one ticket as a feed. */
export const GET = ticketFeedResponse('atom');
