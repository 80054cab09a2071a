import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { AlertError, unsubscribe } from '@/lib/alerts/subscriptions';

/** POST /api/ikuti/berhenti?kunci=… — the one-click unsubscribe of the List-Unsubscribe-Post header (RFC 8058). */
export async function POST(request: NextRequest) {
  try {
    await unsubscribe(getDb(), String(request.nextUrl.searchParams.get('kunci') ?? '').slice(0, 100), new Date());
    return NextResponse.json({ ok: true });
  } catch (error) {
    if (error instanceof AlertError) return NextResponse.json({ error: 'Tautan tidak valid.', error_en: 'Invalid link.' }, { status: 404 });
    throw error;
  }
}

/** A mail client that opens the unsubscribe address in a browser gets the page with the button. */
export function GET(request: NextRequest) {
  const key = String(request.nextUrl.searchParams.get('kunci') ?? '').slice(0, 100);
  return NextResponse.redirect(new URL(`/ikuti/berhenti?kunci=${encodeURIComponent(key)}`, request.nextUrl.origin), 303);
}
