'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { AlertError, subscribe, subscribeSchema, unsubscribe } from '@/lib/alerts/subscriptions';
import { consumeRateLimit } from '@/lib/security/rate-limit';
import { clientAddress, logUnexpected, requestPublicUrl } from '@/lib/server/request';

const value = (f: FormData, key: string) => {
  const v = String(f.get(key) ?? '').trim();
  return v === '' ? null : v;
};

/** Starts a subscription (double opt-in): only the confirmation is sent now. */
export async function subscribeAction(formData: FormData) {
  const back = new URLSearchParams(
    ['wilayah', 'nomor', 'lat', 'lng', 'radius'].flatMap((k) => (value(formData, k) ? [[k, value(formData, k)!]] : [])),
  );
  const num = (k: string) => (value(formData, k) === null ? null : Number(value(formData, k)));
  const parsed = subscribeSchema.safeParse({
    email: String(formData.get('email') ?? ''),
    regionCode: value(formData, 'wilayah'),
    categories: formData.getAll('kategori').map(String).filter(Boolean),
    lat: num('lat'),
    lng: num('lng'),
    radiusM: num('radius'),
    reportNumber: value(formData, 'nomor'),
    frequency: value(formData, 'frekuensi') ?? 'segera',
  });
  let outcome = 'terkirim';
  if (!parsed.success) outcome = 'tidak_valid';
  else {
    try {
      const db = getDb();
      const limit = await consumeRateLimit(db, { action: 'ikuti', limit: 10, windowSeconds: 3600 }, await clientAddress(), new Date());
      if (!limit.allowed) outcome = 'terlalu_sering';
      else await subscribe(db, parsed.data, { now: new Date(), site: await requestPublicUrl() });
    } catch (error) {
      outcome = error instanceof AlertError ? error.code : `gangguan_${logUnexpected('ikuti', error)}`;
    }
  }
  back.set('pesan', outcome);
  redirect(`/ikuti?${back}`);
}

export async function unsubscribeAction(formData: FormData) {
  let outcome = 'berhenti';
  try {
    await unsubscribe(getDb(), String(formData.get('kunci') ?? ''), new Date());
  } catch (error) {
    outcome = error instanceof AlertError ? error.code : `gangguan_${logUnexpected('berhenti', error)}`;
  }
  redirect(`/ikuti/berhenti?pesan=${outcome}`);
}
