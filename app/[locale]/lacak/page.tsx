import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';

type Props = { searchParams: Promise<{ nomor?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('track'))('title') };
}

export default async function TrackPage({ searchParams }: Props) {
  const { nomor } = await searchParams;
  const typed = [nomor ?? ''].flat()[0].trim().slice(0, 40);
  const number = typed ? normalizeTicketNumber(typed) : null;
  if (number) redirect(`/laporan/${number}`);
  const t = await getTranslations('track');

  return (
    <div className="mx-auto max-w-xl px-4 py-8 space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <form action="/lacak" method="get" className="space-y-2">
        <label htmlFor="nomor" className="block font-medium">
          {t('label')}
        </label>
        <div className="flex gap-2">
          <input
            id="nomor"
            name="nomor"
            defaultValue={typed}
            placeholder="JK2306180342"
            autoComplete="off"
            inputMode="text"
            aria-describedby={typed ? 'nomor-error' : undefined}
            aria-invalid={typed ? true : undefined}
            className="min-w-0 flex-1 rounded border border-gray-500 px-3 py-2 font-mono uppercase"
          />
          <button type="submit" className="rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white">
            {t('submit')}
          </button>
        </div>
        {typed ? (
          <p id="nomor-error" role="status" className="text-sm text-red-700">
            {t('invalid', { typed })}
          </p>
        ) : null}
      </form>
    </div>
  );
}
