import { NextResponse, type NextRequest } from 'next/server';
import { applyReportChanges } from '@/lib/cache/pages';
import { isSignedPayload, SIGNATURE_HEADER } from '@/lib/cache/listener';
import { decodeSignal } from '@/lib/cache/signal';

/**
 * POST /api/intern/segarkan: this instance's own change listener hands it a change made through
 * another instance or a worker (signed with the server secret; nobody else may call it).
 */
export async function POST(request: NextRequest) {
  const payload = await request.text();
  if (payload.length > 16_000 || !isSignedPayload(payload, request.headers.get(SIGNATURE_HEADER))) {
    return NextResponse.json({ error: 'Tidak berwenang.', error_en: 'Not allowed.' }, { status: 403 });
  }
  await applyReportChanges(decodeSignal(payload));
  return NextResponse.json({ ok: true });
}
