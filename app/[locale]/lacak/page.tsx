import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { answerTypedNumber } from '@/lib/intake/tracker';

type Props = { searchParams: Promise<{ nomor?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('track'))('title') };
}

export default async function TrackPage({ searchParams }: Props) {
  const { nomor } = await searchParams;
  const typed = [nomor ?? ''].flat()[0].trim().slice(0, 40);
  const answer = answerTypedNumber(typed);
  if (answer.kind === 'ticket') redirect(`/laporan/${answer.number}`);
  const t = await getTranslations('track');
  // a confidential number has no public page: the reporter is sent to their private link instead
  const message = answer.kind === 'confidential' ? t('confidential') : answer.kind === 'invalid' ? t('invalid', { typed }) : null;

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
            aria-describedby={message ? 'nomor-pesan' : undefined}
            aria-invalid={answer.kind === 'invalid' ? true : undefined}
            className="min-w-0 flex-1 rounded border border-gray-500 px-3 py-2 font-mono uppercase"
          />
          <button type="submit" className="rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white">
            {t('submit')}
          </button>
        </div>
        {message ? (
          <p
            id="nomor-pesan"
            role="status"
            className={answer.kind === 'invalid' ? 'text-sm text-red-700' : 'rounded border border-sky-300 bg-sky-50 p-3 text-sm'}
            data-testid="track-message"
          >
            {message}
          </p>
        ) : null}
      </form>
    </div>
  );
}
