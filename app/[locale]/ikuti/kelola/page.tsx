import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { AlertError, listSubscriptions } from '@/lib/alerts/subscriptions';
import type { Locale } from '@/lib/i18n';
import { unsubscribeAction } from '../actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ surel?: string; kunci?: string }> };

export const dynamic = 'force-dynamic';

/** An address's subscriptions, reached from the link in every alert; each can be stopped here. */
export default async function ManagePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { surel = '', kunci = '' } = await searchParams;
  const t = await getTranslations('ikuti');
  let subs: Awaited<ReturnType<typeof listSubscriptions>> | null = null;
  try {
    subs = await listSubscriptions(getDb(), surel.slice(0, 200), kunci.slice(0, 100));
  } catch (error) {
    if (!(error instanceof AlertError)) throw error;
  }
  if (!subs) {
    return (
      <p role="alert" className="mx-auto max-w-xl px-4 py-10">
        {t('invalid')}
      </p>
    );
  }
  return (
    <div className="mx-auto max-w-2xl space-y-4 px-4 py-6">
      <h1 className="text-2xl font-bold">{t('manage', { email: surel })}</h1>
      {subs.length === 0 ? <p>{t('none')}</p> : null}
      <ul className="space-y-2">
        {subs.map((s) => (
          <li key={s.id} className="flex items-center justify-between gap-2 rounded border bg-white p-3 text-sm">
            <span>
              {s.regionCode ?? (s.lat !== null ? `${s.lat}, ${s.lng} (${s.radiusM} m)` : `#${s.reportId}`)}
              {s.categories.length ? ` · ${s.categories.join(', ')}` : ''} · {s.frequency === 'harian' ? t('daily') : t('now')}
              {s.confirmedAt ? '' : ' · …'}
            </span>
            <form action={unsubscribeAction}>
              <input type="hidden" name="kunci" value={s.token} />
              <button className="underline">{t('stopButton')}</button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
