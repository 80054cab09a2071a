import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { INTAKE_MESSAGE, type IntakeErrorCode } from '@/lib/intake/errors';
import type { Locale } from '@/lib/i18n';
import { confirmSupportAction } from '../actions';

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ kunci?: string; pesan?: string; nomor?: string }> };

export const metadata: Metadata = { title: 'Konfirmasi dukungan', robots: { index: false } };
export const dynamic = 'force-dynamic';

/**
 * The link in a supporter's confirmation message. Opening it changes nothing: mail scanners and
 * link previews fetch every link in a message, so the support counts only from this page's
 * button (a POST), then the outcome is shown.
 */
export default async function ConfirmSupportPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { kunci, pesan, nomor } = await searchParams;
  const t = await getTranslations('dukung');
  const number = /^JK\d{10}$/.test(nomor ?? '') ? nomor! : null;
  return (
    <div className="mx-auto max-w-xl space-y-4 px-4 py-10">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {pesan ? (
        <div role="status" className="space-y-2 rounded border bg-white p-4" data-testid="support-message">
          <p>{pesan === 'dihitung' ? t('confirmed') : (INTAKE_MESSAGE[pesan as IntakeErrorCode]?.[locale] ?? t('failed'))}</p>
          {pesan === 'dihitung' && number ? <p><Link href={`/laporan/${number}`} className="underline">{t('toReport', { number })}</Link></p> : null}
        </div>
      ) : (
        <form action={confirmSupportAction} className="space-y-4">
          <p>{t('intro')}</p>
          <input type="hidden" name="kunci" value={String(kunci ?? '').slice(0, 100)} />
          <button className="rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white">{t('button')}</button>
        </form>
      )}
    </div>
  );
}
