import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { Db } from '@/db/connect';
import { appSettings } from '@/db/schema';
import { seal, sealingKey, unseal } from '@/lib/security/sealed';

/** The application server's VAPID identity (RFC 8292): what signs every push request. */
export interface VapidKeys {
  /** Uncompressed P-256 public key, base64url: the browser's `applicationServerKey`. */
  publicKey: string;
  privateKey: string;
  /** A mailto: or https: address the push services may contact. */
  subject: string;
}

type Env = Record<string, string | undefined>;

/** Where the demo keeps its generated pair: in the database, next to the subscriptions made with it. */
export const VAPID_SETTING = 'push.vapid';
const DEMO_SUBJECT = 'mailto:noreply@aduan.local';
const KEY = /^[A-Za-z0-9_-]{20,}$/;

export type VapidSource = { kind: 'env'; keys: VapidKeys } | { kind: 'generate' } | { kind: 'off'; reason: string };

/**
 * Where the keys come from. ADUAN_VAPID_PUBLIC_KEY, ADUAN_VAPID_PRIVATE_KEY and ADUAN_VAPID_SUBJECT
 * when set (all three). Without them, a demo (ADUAN_DEMO=1) or a development server generates a
 * pair once and keeps it; production has no push at all (the opt-in is hidden). Pure.
 */
export function vapidSource(env: Env = process.env): VapidSource {
  const publicKey = env.ADUAN_VAPID_PUBLIC_KEY?.trim();
  const privateKey = env.ADUAN_VAPID_PRIVATE_KEY?.trim();
  const subject = env.ADUAN_VAPID_SUBJECT?.trim();
  if (publicKey || privateKey) {
    if (!publicKey || !privateKey || !KEY.test(publicKey) || !KEY.test(privateKey)) return { kind: 'off', reason: 'ADUAN_VAPID_PUBLIC_KEY dan ADUAN_VAPID_PRIVATE_KEY harus diisi berpasangan (base64url)' };
    if (!subject || !/^(mailto:|https:\/\/)/.test(subject)) return { kind: 'off', reason: 'ADUAN_VAPID_SUBJECT harus alamat mailto: atau https:' };
    return { kind: 'env', keys: { publicKey, privateKey, subject } };
  }
  if (env.ADUAN_DEMO === '1' || env.NODE_ENV !== 'production') return { kind: 'generate' };
  return { kind: 'off', reason: 'ADUAN_VAPID_PUBLIC_KEY, ADUAN_VAPID_PRIVATE_KEY dan ADUAN_VAPID_SUBJECT tidak diisi' };
}

/**
 * The demo's pair, generated on first use and kept in app_settings: subscriptions are bound to the
 * public key, so the pair must live as long as they do (a restart, a second instance). The private
 * key is sealed with the server secret, like TOTP secrets. Concurrent first uses agree on one pair.
 */
async function storedPair(db: Db): Promise<VapidKeys> {
  const key = sealingKey('vapid');
  const read = async () => {
    const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, VAPID_SETTING));
    const value = row?.value as { publicKey?: string; privateKey?: string } | undefined;
    const privateKey = value?.privateKey ? unseal(value.privateKey, VAPID_SETTING, key) : null;
    return value?.publicKey && privateKey ? { publicKey: value.publicKey, privateKey, subject: DEMO_SUBJECT } : null;
  };
  const existing = await read();
  if (existing) return existing;
  const pair = webpush.generateVAPIDKeys();
  await db
    .insert(appSettings)
    .values({ key: VAPID_SETTING, value: { publicKey: pair.publicKey, privateKey: seal(pair.privateKey, VAPID_SETTING, key) } })
    .onConflictDoNothing();
  const kept = await read();
  if (!kept) throw new Error('Kunci VAPID tersimpan tidak dapat dibuka (ADUAN_SECRET berubah?)');
  return kept;
}

/** The keys for `source`, or null when push is off. */
export async function resolveVapidKeys(db: Db, source: VapidSource): Promise<VapidKeys | null> {
  if (source.kind === 'env') return source.keys;
  if (source.kind === 'off') return null;
  return storedPair(db);
}

let cached: Promise<VapidKeys | null> | undefined;

/** This process's keys (read once), or null when push is not offered. */
export function vapidKeys(db: Db): Promise<VapidKeys | null> {
  cached ??= resolveVapidKeys(db, vapidSource()).catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** Says at start whether push is offered and why not; production without keys runs without it. */
export function checkPushAtStart(env: Env = process.env, log: (line: string) => void = console.log): void {
  const source = vapidSource(env);
  if (source.kind === 'off') log(`[push] Web Push tidak ditawarkan: ${source.reason}.`);
  else if (source.kind === 'generate') log('[push] Web Push dengan kunci VAPID buatan sendiri (demo), disimpan di basis data.');
}
