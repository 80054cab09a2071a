import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { findInstructionsGiven, findInstructionsReceived, type InstructionRow } from '@/db/queries/instructions';
import { StatusBadge } from '@/components/reports/status-badge';
import { requireStaff } from '@/lib/auth/session';
import { instructionState, type InstructionState } from '@/lib/auth/supervision';
import { formatWib } from '@/lib/format';
import type { Locale } from '@/lib/i18n';
import { requestTime } from '@/lib/sla/clock';
import { StaffHeader } from '../staff-header';

export const metadata: Metadata = { title: 'Instruksi', robots: { index: false } };

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

const STATE_STYLE: Record<InstructionState, string> = {
  terbuka: 'text-amber-900',
  terlambat: 'font-semibold text-red-700',
  tepat_waktu: 'text-green-800',
  lewat_batas: 'font-semibold text-red-700',
  dialihkan: 'text-gray-700',
};

/**
 * "Instruksi saya": what a camat's or walikota's office instructed, with each instruction's
 * state and whether its deadline was met; and the open instructions addressed to the user's unit.
 */
export default async function InstructionsPage() {
  const user = await requireStaff();
  const db = getDb();
  const now = requestTime();
  const gives = user.role === 'camat' || user.role === 'walikota';
  const [given, received] = await Promise.all([gives ? findInstructionsGiven(db, user) : Promise.resolve([]), findInstructionsReceived(db, user)]);
  const t = await getTranslations('petugas.instructions');
  const states = await getTranslations('petugas.ticket.instructionState');
  const locale = (await getLocale()) as Locale;
  const count = (s: InstructionState) => given.filter((i) => instructionState(i, now) === s).length;

  const list = (rows: InstructionRow[], testId: string, counterpart: 'to' | 'from') => (
    <ul className="divide-y rounded-lg border bg-white text-sm" data-testid={testId}>
      {rows.map((i) => {
        const state = instructionState(i, now);
        return (
          <li key={i.id} className="space-y-1 p-3" data-testid="instruction-row">
            <p className="flex flex-wrap items-center gap-2">
              <Link href={`/petugas/laporan/${i.number}`} className="font-mono underline">{i.number}</Link>
              <StatusBadge status={i.status} locale={locale} />
              <span>{i.category}</span>
            </p>
            <p>
              {t(counterpart)}: <strong>{counterpart === 'to' ? i.toName : (i.fromName ?? '—')}</strong> · {t('given_at')}: {formatWib(i.createdAt, locale)} ·{' '}
              {t('due')}: {formatWib(i.dueAt, locale)}
            </p>
            <p className={STATE_STYLE[state]} data-testid="instruction-state">
              {t('state')}: {states(state)}
              {i.closedAt ? ` (${formatWib(i.closedAt, locale)})` : ''}
            </p>
            <p className="whitespace-pre-line text-gray-800">“{i.body}”</p>
          </li>
        );
      })}
    </ul>
  );

  return (
    <div className="mx-auto max-w-5xl space-y-4 px-4 py-4">
      <StaffHeader user={user} />
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {gives ? (
        <section aria-labelledby="given" className="space-y-2">
          <h2 id="given" className="text-lg font-semibold">{t('given')}</h2>
          <p className="text-sm">{t('givenIntro')}</p>
          {given.length ? (
            <>
              <p className="text-sm" data-testid="given-summary">
                {t('summary', { open: count('terbuka') + count('terlambat'), late: count('terlambat'), inTime: count('tepat_waktu'), lateDone: count('lewat_batas') })}
              </p>
              {list(given, 'instructions-given', 'to')}
            </>
          ) : (
            <p className="text-sm">{t('noneGiven')}</p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="received" className="space-y-2">
        <h2 id="received" className="text-lg font-semibold">{t('received')}</h2>
        {received.length ? list(received, 'instructions-received', 'from') : <p className="text-sm">{t('noneReceived')}</p>}
      </section>
    </div>
  );
}
