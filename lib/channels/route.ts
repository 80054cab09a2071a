import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { reportChanged } from '@/lib/cache/pages';
import { getStorage } from '@/lib/media/storage';
import { publicUrlForRequest } from '@/lib/config/public-url';
import { logUnexpected } from '@/lib/server/request';
import { receiveWebhook, type WebhookKind } from './webhooks';

const MAX_BYTES = 30 * 1024 * 1024;

/** The POST handler of one machine channel's endpoint (see docs/KANAL.md). */
export function webhookRoute(kind: WebhookKind) {
  return async function POST(request: NextRequest) {
    if (Number(request.headers.get('content-length') ?? 0) > MAX_BYTES) {
      return NextResponse.json({ error: 'Pesan terlalu besar (maks. 30 MB).', error_en: 'Message too large (max 30 MB).' }, { status: 413 });
    }
    try {
      const answer = await receiveWebhook(
        getDb(),
        kind,
        {
          body: Buffer.from(await request.arrayBuffer()),
          timestamp: request.headers.get('x-aduan-timestamp'),
          signature: request.headers.get('x-aduan-signature'),
        },
        { now: new Date(), storage: getStorage(), publicUrl: publicUrlForRequest(request.headers) },
      );
      if (answer.status === 201 && typeof answer.body.nomor === 'string') reportChanged(answer.body.nomor);
      return NextResponse.json(answer.body, { status: answer.status });
    } catch (error) {
      const id = logUnexpected(`kanal ${kind}`, error);
      return NextResponse.json(
        { error: `Gangguan sementara; kirim ulang nanti (kode ${id}).`, error_en: `Temporary failure; retry later (code ${id}).` },
        { status: 500 },
      );
    }
  };
}
