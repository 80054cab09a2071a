import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { logUnexpected } from '@/lib/server/request';
import { receiveWhatsApp, verifySubscription } from '@/lib/whatsapp/webhook';

// a webhook body carries message metadata, never media (photos are fetched through the Graph API)
const MAX_BYTES = 1024 * 1024;

/** GET /api/kanal/whatsapp: the Cloud API's subscription handshake (docs/KANAL.md). */
export function GET(request: NextRequest) {
  const answer = verifySubscription(request.nextUrl.searchParams);
  return typeof answer.body === 'string'
    ? new NextResponse(answer.body, { status: answer.status, headers: { 'content-type': 'text/plain; charset=utf-8' } })
    : NextResponse.json(answer.body, { status: answer.status });
}

/** POST /api/kanal/whatsapp: messages and status callbacks, signed with X-Hub-Signature-256. */
export async function POST(request: NextRequest) {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BYTES) {
    return NextResponse.json({ error: 'Pesan terlalu besar.', error_en: 'Message too large.' }, { status: 413 });
  }
  try {
    const answer = await receiveWhatsApp(
      getDb(),
      { body: Buffer.from(await request.arrayBuffer()), signature: request.headers.get('x-hub-signature-256') },
      { now: new Date() },
    );
    return NextResponse.json(answer.body, { status: answer.status });
  } catch (error) {
    const id = logUnexpected('kanal whatsapp', error);
    return NextResponse.json({ error: `Gangguan sementara; kirim ulang nanti (kode ${id}).`, error_en: `Temporary failure; retry later (code ${id}).` }, { status: 500 });
  }
}
