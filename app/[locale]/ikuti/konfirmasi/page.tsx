import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { ALERT_MESSAGE, AlertError, confirmSubscription } from '@/lib/alerts/subscriptions';
import type { Locale } from '@/lib/i18n';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ kunci?: string }> };

export const dynamic = 'force-dynamic';

/** The confirmation link of the first message: the subscription starts here. */
export default async function ConfirmPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('ikuti');
  let text = t('confirmed');
  try {
    await confirmSubscription(getDb(), String((await searchParams).kunci ?? '').slice(0, 100), new Date());
  } catch (error) {
    if (!(error instanceof AlertError)) throw error;
    text = ALERT_MESSAGE[error.code][locale];
  }
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <p role="status" className="rounded border bg-white p-4" data-testid="follow-message">
        {text}
      </p>
    </div>
  );
}
