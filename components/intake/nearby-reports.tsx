'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { SupportState } from '@/app/[locale]/lapor/actions';
import { statusLabel, type Locale } from '@/lib/i18n';

export interface Nearby {
  number: string;
  status: Parameters<typeof statusLabel>[0];
  description: string | null;
  distanceM: number;
  supportCount: number;
}

/** Open reports of the same category nearby, each with a "Dukung" button. */
export function NearbyReports({
  reports,
  contact,
  onSupport,
}: {
  reports: Nearby[];
  contact: string;
  onSupport: (number: string, contact: string) => Promise<SupportState>;
}) {
  const t = useTranslations('lapor');
  const locale = useLocale() as Locale;
  const [results, setResults] = useState<Record<string, SupportState>>({});
  return (
    <section className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3" aria-labelledby="sekitar" data-testid="nearby">
      <h2 id="sekitar" className="font-semibold">{t('nearbyTitle')}</h2>
      <p className="text-sm">{t('nearbyHint')}</p>
      <ul className="space-y-2">
        {reports.map((r) => {
          const result = results[r.number];
          return (
            <li key={r.number} className="rounded border bg-white p-2 text-sm">
              <p>
                <a href={`/laporan/${r.number}`} className="font-mono font-semibold underline" target="_blank" rel="noreferrer">{r.number}</a>{' '}
                · {statusLabel(r.status, locale)} · {r.distanceM} m ·{' '}
                {t('supporters', { count: result?.ok && 'supportCount' in result ? result.supportCount : r.supportCount })}
              </p>
              {r.description ? <p className="line-clamp-2 text-gray-800">{r.description}</p> : null}
              {result?.ok ? (
                // with a contact, the support counts once the contact confirms it from the message sent to it
                <p className="text-green-800" role="status">{'isPending' in result ? t('supportPending') : t('supported')}</p>
              ) : (
                <button
                  type="button"
                  className="mt-1 min-h-11 rounded bg-[#0f3d5e] px-3 py-1 font-semibold text-white"
                  onClick={async () => {
                    const outcome = await onSupport(r.number, contact);
                    setResults((s) => ({ ...s, [r.number]: outcome }));
                  }}
                >
                  {t('support')}
                </button>
              )}
              {result && !result.ok ? <p className="text-red-700">{locale === 'en' ? result.message.en : result.message.id}</p> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
