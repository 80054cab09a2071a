'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { AlertError, confirmSubscription, subscribe, subscribeSchema, unsubscribe } from '@/lib/alerts/subscriptions';
import { citizenLimits, runLimited, visitorChecks } from '@/lib/intake/submission-limit';
import { browserToken } from '@/lib/server/browser-token';
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
      const now = new Date();
      const site = await requestPublicUrl();
      // per browser, so that the many phones behind one carrier address are not one follower
      const limits = citizenLimits();
      const who = { browser: await browserToken(), address: await clientAddress() };
      const limited = await runLimited(db, visitorChecks('ikuti', limits, who), limits.windowSeconds, now, () => subscribe(db, parsed.data, { now, site }), () => true);
      if (limited.refused) outcome = 'terlalu_sering';
    } catch (error) {
      outcome = error instanceof AlertError ? error.code : `gangguan_${logUnexpected('ikuti', error)}`;
    }
  }
  back.set('pesan', outcome);
  redirect(`/ikuti?${back}`);
}

/** Starts a confirmed subscription: only from the confirmation page's button, never by opening the link. */
export async function confirmAction(formData: FormData) {
  let outcome = 'aktif';
  try {
    await confirmSubscription(getDb(), String(formData.get('kunci') ?? '').slice(0, 100), new Date());
  } catch (error) {
    outcome = error instanceof AlertError ? error.code : `gangguan_${logUnexpected('konfirmasi', error)}`;
  }
  redirect(`/ikuti/konfirmasi?pesan=${outcome}`);
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
