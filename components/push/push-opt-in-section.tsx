import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { vapidKeys } from '@/lib/push/vapid';
import { PushOptIn } from './push-opt-in';

interface Props {
  audience: 'citizen' | 'staff';
  /** The opt-in route (see PushOptIn). */
  route: string;
  proof?: Record<string, string>;
}

/** The push opt-in, or nothing when this server offers no push (production without VAPID keys). */
export async function PushOptInSection({ audience, route, proof }: Props) {
  const keys = await vapidKeys(getDb());
  if (!keys) return null;
  const t = await getTranslations('push');
  const language = (await getLocale()) === 'en' ? 'en' : 'id';
  const texts = {
    title: t(`${audience}.title`),
    explain: t(`${audience}.explain`),
    ...Object.fromEntries((['enable', 'disable', 'on', 'off', 'denied', 'unsupported', 'failed'] as const).map((key) => [key, t(key)])),
  } as Parameters<typeof PushOptIn>[0]['texts'];
  return <PushOptIn route={route} publicKey={keys.publicKey} proof={proof} language={language} texts={texts} />;
}
