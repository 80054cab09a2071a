import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import type { Locale } from '@/lib/i18n';
import { listOutbox } from '@/db/queries/outbox';
import { requireStaff } from '@/lib/auth/session';
import { formatWib } from '@/lib/format';
import { outboxAccess } from '@/lib/notify/outbox-access';
import { StaffHeader } from '../staff-header';

export const metadata: Metadata = { title: 'Pesan keluar', robots: { index: false } };

/**
 * Notifications queued and delivered by the worker; staff-only because recipients are contacts.
 * What each role reads is decided by listOutbox: a confidential ticket's messages are for
 * Inspektorat alone, and no link's key is ever shown.
 */
// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

export default async function OutboxPage() {
  const user = await requireStaff();
  const t = await getTranslations('petugas.outbox');
  const locale = (await getLocale()) as Locale;
  const access = outboxAccess(user.role);
  if (access === 'none') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-6 space-y-4">
        <StaffHeader user={user} />
        <p role="alert" data-testid="refused">{t('onlyAdmin')}</p>
      </div>
    );
  }
  const rows = await listOutbox(getDb(), user, { limit: 200 });
  return (
    <div className="mx-auto max-w-6xl px-4 py-4 space-y-4">
      <StaffHeader user={user} />
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm" data-testid="outbox-scope">{access === 'confidential' ? t('scopeConfidential') : t('scopeAll')}</p>
      <div className="overflow-x-auto rounded-lg border bg-white">
        <table className="w-full text-left text-sm" data-testid="outbox">
          <thead className="bg-slate-50">
            <tr>
              <th className="px-3 py-2">{t('created')}</th>
              <th className="px-3 py-2">{t('kind')}</th>
              <th className="px-3 py-2">{t('recipient')}</th>
              <th className="px-3 py-2">{t('body')}</th>
              <th className="px-3 py-2">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t align-top">
                <td className="px-3 py-2 whitespace-nowrap">{formatWib(r.createdAt, locale)}</td>
                <td className="px-3 py-2">{r.kind}</td>
                {r.isWithheld ? (
                  <td colSpan={2} className="px-3 py-2 italic" data-testid="withheld">{t('withheld')}</td>
                ) : (
                  <>
                    <td className="px-3 py-2">{r.recipient}</td>
                    <td className="px-3 py-2">{r.subject ? <strong className="block">{r.subject}</strong> : null}{r.body}</td>
                  </>
                )}
                <td className="px-3 py-2">
                  {r.status === 'sent' && r.deliveredAt ? t('sent', { date: formatWib(r.deliveredAt, locale) }) : r.status}
                  {r.status !== 'sent' && r.lastError ? <span className="block text-xs text-red-700">{r.lastError} ({t('attempt', { n: r.attempts })})</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
