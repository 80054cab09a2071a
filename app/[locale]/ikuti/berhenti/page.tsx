import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ALERT_MESSAGE } from '@/lib/alerts/subscriptions';
import type { Locale } from '@/lib/i18n';
import { unsubscribeAction } from '../actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ kunci?: string; pesan?: string }> };

export const dynamic = 'force-dynamic';

/** Stops one subscription: a button (so that link scanners do not stop it), or the outcome. */
export default async function StopPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { kunci, pesan } = await searchParams;
  const t = await getTranslations('ikuti');
  return (
    <div className="mx-auto max-w-xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-bold">{t('stopTitle')}</h1>
      {pesan ? (
        <p role="status" className="rounded border bg-white p-4" data-testid="follow-message">
          {pesan === 'berhenti' ? t('stopped') : (ALERT_MESSAGE[pesan as keyof typeof ALERT_MESSAGE]?.[locale] ?? t('invalid'))}
        </p>
      ) : (
        <form action={unsubscribeAction}>
          <input type="hidden" name="kunci" value={String(kunci ?? '').slice(0, 100)} />
          <button className="rounded border border-red-700 px-4 py-2 font-semibold text-red-800">{t('stopButton')}</button>
        </form>
      )}
    </div>
  );
}
