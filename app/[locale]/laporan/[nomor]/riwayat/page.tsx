import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getTicketHistory } from '@/db/queries/public/history';
import { formatWib, decodeParam } from '@/lib/format';
import { eventLabel, type Locale } from '@/lib/i18n';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';

type Props = { params: Promise<{ locale: Locale; nomor: string }> };

// Always read fresh: this page is the proof that nothing was changed.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { nomor } = await params;
  return { title: `Riwayat ${decodeParam(nomor).toUpperCase().slice(0, 20)}` };
}

/** Every event of a ticket in the order written, with a running digest that proves none was changed. */
export default async function HistoryPage({ params }: Props) {
  const { locale, nomor } = await params;
  setRequestLocale(locale);
  const number = normalizeTicketNumber(decodeParam(nomor));
  if (!number) notFound();
  const history = await getTicketHistory(getDb(), number);
  if (!history) notFound();
  const t = await getTranslations('report.history');
  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-4">
      <h1 className="text-2xl font-bold">{t('title', { number })}</h1>
      <p className="text-gray-800">{t('intro')}</p>
      <p>
        <Link href={`/laporan/${number}`} className="underline">
          {t('back')}
        </Link>
      </p>
      <ol className="space-y-3" data-testid="history">
        {history.map((e) => (
          <li key={e.seq} className={`rounded border p-3 ${e.isPublic ? 'bg-white' : 'bg-slate-50'}`}>
            <p className="text-sm font-semibold">
              {e.seq}. {e.isPublic ? eventLabel(e.type, locale) : t('internal')}
            </p>
            <p className="text-xs text-gray-700">
              {formatWib(e.createdAt, locale)}
              {e.actor ? ` · ${e.actor === 'Pelapor' ? t('reporter') : e.actor}` : ''}
            </p>
            {e.body ? <p className="text-sm">{e.body}</p> : null}
            <p className="font-mono text-xs text-gray-700" data-testid="digest">
              {t('digest')}: {e.digest}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
