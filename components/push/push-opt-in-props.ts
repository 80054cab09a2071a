import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { vapidKeys } from '@/lib/push/vapid';
import type { PushOptIn } from './push-opt-in';

type PushOptInProps = Parameters<typeof PushOptIn>[0];

/**
 * The props of the push opt-in for a page, or null when this server offers no push (production
 * without VAPID keys: the opt-in is hidden). Read by the page itself, so it renders the client
 * island without an async child.
 */
export async function pushOptInProps(audience: 'citizen' | 'staff', route: string, proof?: Record<string, string>): Promise<PushOptInProps | null> {
  const keys = await vapidKeys(getDb());
  if (!keys) return null;
  const t = await getTranslations('push');
  const language = (await getLocale()) === 'en' ? 'en' : 'id';
  const texts = {
    title: t(`${audience}.title`),
    explain: t(`${audience}.explain`),
    ...Object.fromEntries((['enable', 'disable', 'on', 'off', 'denied', 'unsupported', 'failed'] as const).map((key) => [key, t(key)])),
  } as PushOptInProps['texts'];
  return { route, publicKey: keys.publicKey, proof, language, texts };
}
