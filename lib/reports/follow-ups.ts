import type { EventType } from '@/db/schema';

/**
 * The follow-ups (tindak_lanjut events) a validator rejected ("TL ditolak"): a follow-up's
 * verdict is the first validation after it. Their after-photos show work that was not accepted,
 * so they are never labelled plainly "Sesudah". Events in timeline order.
 */
export function rejectedFollowUps(events: readonly { id: number; type: EventType | string }[]): Set<number> {
  const rejected = new Set<number>();
  let pending: number | null = null;
  for (const e of events) {
    if (e.type === 'tindak_lanjut') pending = e.id;
    else if (pending !== null && (e.type === 'validasi_ditolak' || e.type === 'validasi_diterima')) {
      if (e.type === 'validasi_ditolak') rejected.add(pending);
      pending = null;
    }
  }
  return rejected;
}
