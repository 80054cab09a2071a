import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ALERT_MESSAGE } from '@/lib/alerts/subscriptions';
import type { Locale } from '@/lib/i18n';
import { confirmAction } from '../actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ kunci?: string; pesan?: string }> };

export const dynamic = 'force-dynamic';

/**
 * The confirmation link of the first message. Opening it changes nothing: mail scanners and link
 * previews fetch every link in a message, so the subscription starts only from this page's
 * button (a POST), then the outcome is shown.
 */
export default async function ConfirmPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { kunci, pesan } = await searchParams;
  const t = await getTranslations('ikuti');
  return (
    <div className="mx-auto max-w-xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-bold">{t('confirmTitle')}</h1>
      {pesan ? (
        <p role="status" className="rounded border bg-white p-4" data-testid="follow-message">
          {pesan === 'aktif' ? t('confirmed') : (ALERT_MESSAGE[pesan as keyof typeof ALERT_MESSAGE]?.[locale] ?? t('invalid'))}
        </p>
      ) : (
        <form action={confirmAction} className="space-y-4">
          <p>{t('confirmIntro')}</p>
          <input type="hidden" name="kunci" value={String(kunci ?? '').slice(0, 100)} />
          <button className="rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white">{t('confirmButton')}</button>
        </form>
      )}
    </div>
  );
}
