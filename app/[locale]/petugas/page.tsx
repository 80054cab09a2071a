import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { findInstructionsReceived } from '@/db/queries/instructions';
import { countTriage, findQueue, findUnitBacklog } from '@/db/queries/staff-queue';
import { PushOptIn } from '@/components/push/push-opt-in';
import { pushOptInProps } from '@/components/push/push-opt-in-props';
import { QueueTable, type QueueRow } from '@/components/staff/queue-table';
import { Pagination } from '@/components/ui/pagination';
import { requireStaff } from '@/lib/auth/session';
import { staffPushOwner } from '@/lib/push/opt-in';
import { formatDuration, formatNumber, formatWib } from '@/lib/format';
import { STATUSES } from '@/lib/reports/lifecycle';
import { localName, statusLabel, type Locale } from '@/lib/i18n';
import { cachedCategories } from '@/db/queries/reference-cache';
import { pageSchema } from '@/lib/reports/filters';
import { paging } from '@/lib/reports/paging';
import { requestTime, slaClock } from '@/lib/sla/clock';
import { percent } from '@/lib/stats/dashboard';
import type { Figures } from '@/lib/stats/figures';
import { UNIT_FIGURE_DAYS, unitFiguresUnder } from '@/lib/stats/server';
import type { ReportStatus } from '@/db/schema';
import { StaffHeader } from './staff-header';

export const metadata: Metadata = { title: 'Antrean petugas', robots: { index: false } };

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ status?: string; q?: string; kategori?: string; wilayah?: string; halaman?: string; triase?: string }> };

const AREA = /^31\.\d{2}\.\d{2}(\.\d{4})?$/;
const PAGE_SIZE = 50;

// Tables that become cards below the md breakpoint: the stack-* classes of app/globals.css.
const stacked = { table: 'stack-table', head: 'stack-head', body: 'stack-body', row: 'stack-row', cell: 'stack-cell', first: 'stack-first' };

export default async function QueuePage({ searchParams }: Props) {
  const user = await requireStaff();
  const params = await searchParams;
  // a validator starts on the follow-ups waiting for validation; "semua" shows every status
  const status = (STATUSES as readonly string[]).includes(params.status ?? '')
    ? (params.status as ReportStatus)
    : user.role === 'validator' && params.status !== 'semua'
      ? 'menunggu_validasi'
      : null;
  const allStatuses: Record<string, string> = user.role === 'validator' ? { status: 'semua' } : {};
  const q = params.q?.slice(0, 100) ?? null;
  const db = getDb();
  const categories = (await cachedCategories(db)).filter((c) => user.role === 'inspektorat' || !c.isConfidential);
  const kategori = categories.some((c) => c.code === params.kategori) ? params.kategori! : null;
  const wilayah = AREA.test(params.wilayah ?? '') ? params.wilayah! : null;
  const page = pageSchema.parse(params.halaman ?? 1);
  const now = requestTime();
  const triage = params.triase === '1';
  const [{ rows, counts, cappedStatuses, total, totalIsLowerBound }, units, waiting, received] = await Promise.all([
    findQueue(db, user, { status, categoryCode: kategori, regionCode: wilayah, search: q, triage, page, pageSize: PAGE_SIZE, now }),
    findUnitBacklog(db, user, now),
    countTriage(db, user),
    findInstructionsReceived(db, user, 5),
  ]);
  // supervisors also see how each of their units performed lately (tickets each unit owned)
  const unitFigures = units.length && user.regionCode ? await unitFiguresUnder(db, user.regionCode, now) : new Map<string, Figures>();
  const t = await getTranslations('petugas.queue');
  const push = staffPushOwner(user) ? await pushOptInProps('staff', '/api/petugas/push') : null;
  const locale = (await getLocale()) as Locale;
  const link = (s: ReportStatus | null) =>
    `/petugas?${new URLSearchParams({ ...(s ? { status: s } : allStatuses), ...(q ? { q } : {}), ...(kategori ? { kategori } : {}), ...(wilayah ? { wilayah } : {}) })}`;
  const pageHref = (p: number) => {
    const query = new URLSearchParams({
      ...(params.status && status ? { status } : params.status === 'semua' ? allStatuses : {}),
      ...(q ? { q } : {}),
      ...(kategori ? { kategori } : {}),
      ...(wilayah ? { wilayah } : {}),
      ...(triage ? { triase: '1' } : {}),
      ...(p > 1 ? { halaman: String(p) } : {}),
    }).toString();
    return `/petugas${query ? `?${query}` : ''}`;
  };
  const pages = paging({ page, pageSize: PAGE_SIZE, total, totalIsLowerBound, shown: rows.length });
  if (pages.redirectTo !== null) redirect(pageHref(pages.redirectTo));
  const area = units.find((u) => u.code === wilayah);
  const onTime = (f: Figures | undefined) => (f?.finishSla.share == null ? '—' : `${formatNumber(percent(f.finishSla)!, locale)}%`);
  const medianFinish = (f: Figures | undefined) => (f?.finish.medianHours == null ? '—' : formatDuration(f.finish.medianHours * 3_600_000, locale));

  const queueRows: QueueRow[] = rows.map((r) => {
    const instructionLate = r.instructionDueAt !== null && r.instructionDueAt.getTime() < now.getTime();
    const marks: QueueRow['marks'] = [];
    if (r.instructionDueAt) {
      const text = t(r.isInstructedToMe ? 'marks.instructionForYou' : 'marks.instruction', { date: formatWib(r.instructionDueAt, locale) });
      marks.push({ testId: 'mark-instruction', text, isUrgent: instructionLate });
    }
    if (r.rejectedFollowUpCount > 0) marks.push({ testId: 'mark-rejected-follow-up', text: t('marks.rejectedFollowUp', { n: r.rejectedFollowUpCount }), isUrgent: true });
    if (r.reopenCount > 0) marks.push({ testId: 'mark-reopened', text: t('marks.reopened', { n: r.reopenCount }), isUrgent: true });
    if (r.proofFlags > 0 && r.status === 'menunggu_validasi') marks.push({ testId: 'proof-flagged', text: t('flagged', { n: r.proofFlags }), isUrgent: true });
    return {
      number: r.number,
      status: r.status,
      statusLabel: statusLabel(r.status, locale),
      marks,
      category: r.category,
      kelurahan: r.kelurahan ?? '—',
      holder: r.holder ?? '—',
      elapsed: formatDuration(slaClock(r, now).elapsedMs, locale),
      isOverdue: r.isOverdue,
      escalatedTo: r.escalationLevel > 0 ? t(`escalatedTo.${r.escalationLevel as 1 | 2 | 3}`) : null,
      filedAt: formatWib(r.createdAt, locale),
      isInstructedToMe: r.isInstructedToMe,
    };
  });

  return (
    <div className="mx-auto max-w-6xl px-4 py-4 space-y-4">
      <StaffHeader user={user} />
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {push ? <PushOptIn {...push} /> : null}
      {received.length > 0 ? (
        <section aria-labelledby="received" className="space-y-2 rounded-lg border-2 border-amber-400 bg-amber-50 p-3 text-sm" data-testid="instructions-received">
          <h2 id="received" className="text-lg font-semibold">{t('received')}</h2>
          <ul className="space-y-1">
            {received.map((i) => (
              <li key={i.id} className={i.dueAt.getTime() < now.getTime() ? 'font-semibold text-red-800' : ''}>
                <Link href={`/petugas/laporan/${i.number}`} className="font-mono underline">{i.number}</Link>{' '}
                {t('receivedFrom', { from: i.fromName ?? '—', date: formatWib(i.dueAt, locale) })}: “{i.body}”
              </li>
            ))}
          </ul>
          <Link href="/petugas/instruksi" className="underline">{t('allInstructions')}</Link>
        </section>
      ) : null}
      {units.length > 0 ? (
        <section aria-labelledby="units" className="space-y-2">
          <h2 id="units" className="text-lg font-semibold">{t('units')}</h2>
          <div className="rounded-lg border bg-white">
            <table className={stacked.table} data-testid="unit-backlog">
              <thead className={stacked.head}>
                <tr>
                  <th className="px-3 py-2">{t('unit')}</th>
                  <th className="px-3 py-2 text-right">{t('open')}</th>
                  <th className="px-3 py-2 text-right">{t('overdue')}</th>
                  <th className="px-3 py-2 text-right">{t('escalated')}</th>
                  <th className="px-3 py-2 text-right">{t('recent', { days: UNIT_FIGURE_DAYS })}</th>
                  <th className="px-3 py-2 text-right">{t('onTime')}</th>
                  <th className="px-3 py-2 text-right">{t('medianFinish')}</th>
                </tr>
              </thead>
              <tbody className={stacked.body}>
                {units.map((u) => (
                  <tr key={u.code} className={stacked.row}>
                    <td className={`${stacked.first} font-semibold md:font-normal`}>
                      <Link href={`/petugas?wilayah=${u.code}`} className="underline">{u.name}</Link>
                    </td>
                    <td className={`${stacked.cell} md:text-right`} data-label={t('open')}>{u.open}</td>
                    <td className={`${stacked.cell} md:text-right ${u.overdue ? 'font-semibold text-red-700' : ''}`} data-label={t('overdue')}>{u.overdue}</td>
                    <td className={`${stacked.cell} md:text-right`} data-label={t('escalated')}>{u.escalated}</td>
                    <td className={`${stacked.cell} md:text-right`} data-label={t('recent', { days: UNIT_FIGURE_DAYS })}>{unitFigures.get(u.code)?.reports ?? 0}</td>
                    <td className={`${stacked.cell} md:text-right`} data-label={t('onTime')}>{onTime(unitFigures.get(u.code))}</td>
                    <td className={`${stacked.cell} md:text-right`} data-label={t('medianFinish')}>{medianFinish(unitFigures.get(u.code))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {wilayah ? (
        <p className="text-sm" data-testid="area-filter">
          {t('area', { name: area?.name ?? wilayah })} · <Link href="/petugas" className="underline">{t('allAreas')}</Link>
        </p>
      ) : null}
      <nav aria-label="Status" className="flex flex-wrap gap-2 text-sm" data-testid="queue-counts">
        <Link href={link(null)} className={`rounded border px-2 py-1 ${status === null && !triage ? 'bg-slate-200' : 'bg-white'}`}>{t('all')}</Link>
        {waiting > 0 || triage ? (
          <Link href="/petugas?triase=1" className={`rounded border px-2 py-1 font-semibold ${triage ? 'bg-amber-200' : 'bg-amber-50'}`} data-testid="triage-link">
            {t('triage')} ({waiting})
          </Link>
        ) : null}
        {STATUSES.map((s) => (
          <Link key={s} href={link(s)} className={`rounded border px-2 py-1 ${status === s ? 'bg-slate-200' : 'bg-white'}`}>
            {statusLabel(s, locale)} ({formatNumber(counts[s] ?? 0, locale)}{cappedStatuses.includes(s) ? '+' : ''})
          </Link>
        ))}
      </nav>
      <form className="flex flex-wrap gap-2" action="/petugas">
        {status ? <input type="hidden" name="status" value={status} /> : allStatuses.status ? <input type="hidden" name="status" value={allStatuses.status} /> : null}
        {wilayah ? <input type="hidden" name="wilayah" value={wilayah} /> : null}
        <label className="sr-only" htmlFor="q">{t('searchLabel')}</label>
        <label className="sr-only" htmlFor="kategori">{t('category')}</label>
        <select id="kategori" name="kategori" defaultValue={kategori ?? ''} className="max-w-full rounded border border-gray-500 px-2 py-2">
          <option value="">{t('allCategories')}</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>{localName(c, locale)}</option>
          ))}
        </select>
        <input id="q" name="q" defaultValue={q ?? ''} placeholder={t('searchPlaceholder')} className="min-w-0 flex-1 basis-48 rounded border border-gray-500 px-3 py-2" />
        <button className="rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white">{t('search')}</button>
      </form>
      {rows.length > 0 ? (
        <p className="text-sm" role="status" data-testid="queue-total">
          {t(totalIsLowerBound ? 'shownOfMore' : 'shownOf', {
            from: formatNumber(pages.from, locale),
            to: formatNumber(pages.to, locale),
            total: formatNumber(total, locale),
          })}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className="rounded-lg border bg-white">
          <QueueTable rows={queueRows} labels={{ number: t('number'), status: t('status'), category: t('category'), kelurahan: t('kelurahan'), holder: t('holder'), time: t('time'), late: t('late') }} />
        </div>
      )}
      <Pagination paging={pages} href={pageHref} />
    </div>
  );
}
