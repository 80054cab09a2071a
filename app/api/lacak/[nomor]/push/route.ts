import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { decodeParam } from '@/lib/format';
import { handlePushRequest } from '@/lib/push/http';
import { citizenPushOwner } from '@/lib/push/opt-in';
import { vapidKeys } from '@/lib/push/vapid';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';

/**
 * POST /api/lacak/{nomor}/push — a citizen's push subscription for their report, proven with the
 * private tracking key in the body (never in the address, which proxies log):
 * `{ kunci, aksi: 'daftar', langganan: PushSubscriptionJSON, bahasa }`, `{ kunci, aksi: 'berhenti', endpoint }`
 * or `{ kunci, aksi: 'status', endpoint }`.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ nomor: string }> }) {
  const number = normalizeTicketNumber(decodeParam((await params).nomor));
  const db = getDb();
  return handlePushRequest(db, request, await vapidKeys(db), async (body) =>
    number && typeof body.kunci === 'string' ? citizenPushOwner(db, number, body.kunci.slice(0, 64)) : null,
  );
}
