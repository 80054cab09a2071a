import { NextResponse } from 'next/server';
import type { Db } from '@/db/connect';
import type { PushOwner } from '@/db/queries/push-subscriptions';
import { logUnexpected } from '@/lib/server/request';
import { applyPushRequest, pushRequestSchema } from './opt-in';
import { allowsLoopbackEndpoints } from './subscription';
import type { VapidKeys } from './vapid';

const MAX_BODY = 4096;

const refuse = (status: number, error: string, errorEn: string) => NextResponse.json({ ok: false, error, error_en: errorEn }, { status });

/**
 * The push opt-in routes' common part: a JSON body from this site only (a JSON content type
 * cannot be sent cross-site without a preflight, which is never granted; Sec-Fetch-Site says so
 * too), at most 4 KB; `prove` decides whose subscription it is (null: refused) before anything
 * is stored. Answers `{ ok, isSubscribed, isStillUsed? }`.
 */
export async function handlePushRequest(
  db: Db,
  request: Request,
  keys: VapidKeys | null,
  prove: (body: Record<string, unknown>) => Promise<PushOwner | null | 'unauthenticated'>,
): Promise<Response> {
  if (!keys) return refuse(404, 'Notifikasi push tidak tersedia.', 'Push notifications are not available.');
  if (request.headers.get('sec-fetch-site') === 'cross-site') return refuse(403, 'Permintaan ditolak.', 'Request refused.');
  if (!request.headers.get('content-type')?.startsWith('application/json')) return refuse(415, 'Harus JSON.', 'JSON expected.');
  const text = await request.text();
  if (text.length > MAX_BODY) return refuse(413, 'Permintaan terlalu besar.', 'Request too large.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(400, 'Permintaan tidak valid.', 'Invalid request.');
  }
  if (typeof body !== 'object' || body === null) return refuse(400, 'Permintaan tidak valid.', 'Invalid request.');
  try {
    const owner = await prove(body as Record<string, unknown>);
    if (owner === 'unauthenticated') return refuse(401, 'Silakan masuk.', 'Please sign in.');
    if (!owner) return refuse(403, 'Tidak berhak atas langganan ini.', 'Not allowed for this subscription.');
    const parsed = pushRequestSchema(allowsLoopbackEndpoints()).safeParse(body);
    if (!parsed.success) return refuse(400, 'Langganan tidak valid.', 'Invalid subscription.');
    const result = await applyPushRequest(db, owner, parsed.data, new Date());
    if (!result.ok) return refuse(429, 'Terlalu banyak perangkat berlangganan.', 'Too many subscribed devices.');
    return NextResponse.json(result);
  } catch (error) {
    // the body may carry an endpoint: only the request id and the error's own text are logged
    const id = logUnexpected('push', error);
    return refuse(500, `Terjadi gangguan (${id}).`, `Something went wrong (${id}).`);
  }
}
