import type { Metadata } from 'next';
import Link from 'next/link';
import { asc, eq } from 'drizzle-orm';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { listCategories } from '@/db/queries/reference';
import { findActionChoices } from '@/db/queries/staff-actions';
import { getStaffTicket } from '@/db/queries/staff-ticket';
import { agencies } from '@/db/schema';
import { ReportMap } from '@/components/map/report-map';
import { StatusBadge } from '@/components/reports/status-badge';
import { requireStaff } from '@/lib/auth/session';
import { tileConfig } from '@/lib/config/map';
import { formatDuration, formatWib, decodeParam } from '@/lib/format';
import { eventLabel, localName, type Locale } from '@/lib/i18n';
import { IMAGE_REJECTION_MESSAGE, type ImageRejection } from '@/lib/media/process-image';
import { UNCATEGORISED } from '@/lib/reference/categories';
import { rejectedFollowUps } from '@/lib/reports/follow-ups';
import { normalizeTicketNumber, wibDay } from '@/lib/reports/ticket-number';
import { requestTime, slaClock } from '@/lib/sla/clock';
import { STAFF_MESSAGE, type StaffErrorCode } from '@/lib/staff/errors';
import { HIDDEN_MATCH_TEXT, PROOF_FLAG_TEXT, proofEditsText, storedChecks, type ShownProofFlag } from '@/lib/staff/proof-checks';
import { StaffHeader } from '../../staff-header';
import { triageAction } from './actions';
import { NextIntlClientProvider } from 'next-intl';
import { FollowUpQueue } from '@/components/staff/follow-up-queue';
import { ActionForm, afterPhotoMessages } from './action-form';
import { InstructionsPanel } from './instructions-panel';
import { ModerationPanel } from './moderation-panel';

export const metadata: Metadata = { title: 'Ruang kerja laporan', robots: { index: false } };

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ nomor: string }>; searchParams: Promise<{ pesan?: string }> };



const field = 'w-full rounded border border-gray-500 px-3 py-2 text-sm';

export default async function StaffTicketPage({ params, searchParams }: Props) {
  const user = await requireStaff();
  const { nomor } = await params;
  const { pesan } = await searchParams;
  const number = normalizeTicketNumber(decodeParam(nomor));
  const t = await getTranslations('petugas.ticket');
  const locale = (await getLocale()) as Locale;
  const db = getDb();
  const ticket = number ? await getStaffTicket(db, user, number) : null;
  if (!ticket) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-6 space-y-4">
        <StaffHeader user={user} />
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-800" data-testid="refused">
          {t('refused')}
        </p>
      </div>
    );
  }
  const { report } = ticket;
  // only what this user can do on this ticket now, each action with targets to choose from
  const choices = await findActionChoices(db, user, ticket);
  const now = requestTime();
  const clock = slaClock(report, now);
  const place = report.lat !== null && report.lng !== null ? { lat: report.lat, lng: report.lng, isApproximate: false } : ticket.kelurahanCenter ? { ...ticket.kelurahanCenter, isApproximate: true } : null;
  // after-photos of a follow-up the validator rejected are not proof of finished work
  const rejected = rejectedFollowUps(ticket.events);
  const photoKind = (p: { kind: 'sebelum' | 'sesudah' | 'informasi'; eventId: number | null }) =>
    p.kind === 'sesudah' && p.eventId !== null && rejected.has(p.eventId) ? t('photoKind.rejected') : t(`photoKind.${p.kind}`);
  // the integrity checks of the latest follow-up, with its photos in upload order; getStaffTicket
  // has already left out the numbers of other tickets this user may not open
  const followUp = [...ticket.events].reverse().find((e) => e.type === 'tindak_lanjut');
  const checks: ShownProofFlag[] = storedChecks(followUp?.data);
  const followUpPhotos = followUp ? ticket.photos.filter((p) => p.eventId === followUp.id) : [];
  // the reporter's disputes of that follow-up, with their photos
  const disputes = followUp ? ticket.events.filter((e) => e.type === 'sanggahan' && e.id > followUp.id) : [];
  const needsReason = checks.length > 0 || disputes.length > 0;
  const flagText = (f: ShownProofFlag) =>
    (f.isMatchHidden ? HIDDEN_MATCH_TEXT : PROOF_FLAG_TEXT[f.kind])[locale]
      .replace('{nomor}', f.matchNumber ?? '')
      .replace('{waktu}', f.takenAt ? formatWib(new Date(f.takenAt), locale) : '')
      .replace('{jarak}', String(f.distanceM ?? ''));
  // a ticket that came without place or category: its triage form
  const triage =
    report.status === 'menunggu' &&
    (report.kelurahanCode === null || report.categoryCode === UNCATEGORISED) &&
    ['operator', 'admin', 'lurah', 'camat', 'walikota'].includes(user.role);
  const [triageCategories, triageKelurahan] = triage
    ? await Promise.all([
        listCategories(db),
        report.kelurahanCode === null
          ? db.select({ code: agencies.regionCode, name: agencies.name }).from(agencies).where(eq(agencies.kind, 'kelurahan')).orderBy(asc(agencies.name))
          : Promise.resolve([]),
      ])
    : [[], []];
  const message = pesan?.startsWith('ok_')
    ? { ok: true, text: t('saved') }
    : pesan
      ? {
          ok: false,
          text: (STAFF_MESSAGE[pesan as StaffErrorCode] ?? IMAGE_REJECTION_MESSAGE[pesan.replace(/^foto_/, '') as ImageRejection])?.[locale] ?? t('failed'),
        }
      : null;

  return (
    <div className="mx-auto max-w-5xl px-4 py-4 space-y-4">
      <StaffHeader user={user} />
      {message ? (
        <p role="status" data-testid="action-message" className={`rounded border p-3 ${message.ok ? 'border-green-300 bg-green-50' : 'border-red-300 bg-red-50 text-red-800'}`}>
          {message.text}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-2xl font-bold">{report.number}</h1>
        <StatusBadge status={report.status} locale={locale} />
        <Link href={`/laporan/${report.number}`} className="text-sm underline">{t('publicPage')}</Link>
      </div>
      <NextIntlClientProvider messages={{ petugas: { ticket: await afterPhotoMessages() } }}>
        <FollowUpQueue userId={user.id} />
      </NextIntlClientProvider>
      <InstructionsPanel ticket={ticket} now={now} locale={locale} />
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <section className="space-y-3 rounded-lg border bg-white p-4 text-sm">
          <p className="text-base">{ticket.category} · Kel. {ticket.kelurahan ?? '—'}</p>
          <p className="whitespace-pre-line">{report.description}</p>
          {report.isTextHidden || report.publicDescription !== null ? (
            <p className="text-xs text-amber-800" data-testid="text-moderated">
              {report.isTextHidden ? t('moderation.noteHidden') : t('moderation.noteEdited')}
            </p>
          ) : null}
          {report.address ? <p>{t('address')}: {report.address}</p> : null}
          <p>{t('holder')}: <strong data-testid="holder">{ticket.holder.name ?? '—'}</strong></p>
          <p className={clock.state.endsWith('terlambat') ? 'font-semibold text-red-700' : ''}>
            {t('sinceFiled', { duration: formatDuration(clock.elapsedMs, locale) })}{clock.deadline ? ` · ${t('deadline', { date: formatWib(clock.deadline, locale) })}` : ''}
          </p>
          <p>{report.isPublic ? t('public') : t('private')}{report.isConfidential ? ` · ${t('confidential')}` : ''}</p>
          {ticket.reporter ? (
            <div className="rounded bg-amber-50 p-2" data-testid="reporter">
              {t('reporter')}: {ticket.reporter.name ?? t('noName')} · {ticket.reporter.phone ?? '—'} · {ticket.reporter.email ?? '—'}
            </div>
          ) : null}
          {place ? (
            <div className="space-y-1">
              <div className="h-56 overflow-hidden rounded border" role="region" aria-label={t('map')} data-testid="ticket-map">
                <ReportMap {...tileConfig()} categoryNames={{}} single={{ lat: place.lat, lng: place.lng, status: report.status }} />
              </div>
              {place.isApproximate ? <p className="text-xs text-gray-700">{t('approximate')}</p> : null}
            </div>
          ) : null}
          {ticket.photos.length ? (
            <ul className="grid grid-cols-3 gap-2">
              {ticket.photos.map((p) => (
                <li key={p.id}>
                  {p.quarantinedAt ? (
                    <p className="flex aspect-[4/3] items-center justify-center rounded border bg-gray-50 p-2 text-center text-xs text-gray-700" data-testid="photo-processing">
                      {p.processError ? t('photoUnreadable') : t('photoProcessing')}
                    </p>
                  ) : (
                    /* eslint-disable-next-line @next/next/no-img-element -- our own re-encoded thumbnails */
                    <img src={`/api/petugas/foto/${p.id}?ukuran=kecil`} alt={`Foto ${photoKind(p)}`} className="w-full rounded border" />
                  )}
                  <span className="text-xs" data-testid="photo-kind">
                    {photoKind(p)}
                    {p.hiddenAt ? <strong className="text-amber-800"> · {t('moderation.hiddenPhoto')}</strong> : null}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {checks.length > 0 && report.status === 'menunggu_validasi' ? (
            <div className="space-y-2 rounded border-2 border-red-300 bg-red-50 p-3" data-testid="proof-checks">
              <h2 className="font-semibold text-red-800">{t('proof.title')}</h2>
              <ul className="space-y-3">
                {checks.map((f, i) => (
                  <li key={i} className="space-y-1" data-testid={`proof-${f.kind}`}>
                    <p className="font-medium">
                      {t('proof.photo', { n: f.photo + 1 })}: {flagText(f)}
                      {f.matchNumber ? (
                        <>
                          {' '}
                          <Link href={`/petugas/laporan/${f.matchNumber}`} className="underline">
                            {f.matchNumber}
                          </Link>
                        </>
                      ) : null}
                    </p>
                    {f.kind === 'foto_sama' && f.matchAttachmentId && followUpPhotos[f.photo] ? (
                      <div className="grid grid-cols-2 gap-2">
                        {/* eslint-disable-next-line @next/next/no-img-element -- our own re-encoded thumbnails */}
                        <img src={`/api/petugas/foto/${followUpPhotos[f.photo].id}?ukuran=kecil`} alt={t('proof.thisPhoto')} className="w-full rounded border" />
                        <div className="relative">
                          {/* eslint-disable-next-line @next/next/no-img-element -- our own re-encoded thumbnails */}
                          <img src={`/api/petugas/foto/${f.matchAttachmentId}?ukuran=kecil`} alt={t('proof.matchPhoto', { nomor: f.matchNumber ?? '' })} className="w-full rounded border" />
                          {f.region ? (
                            // the part of the earlier photo that the new one shows
                            <div
                              data-testid="proof-region"
                              className="pointer-events-none absolute border-2 border-red-600 bg-red-600/10"
                              style={{ left: `${f.region.left * 100}%`, top: `${f.region.top * 100}%`, width: `${f.region.width * 100}%`, height: `${f.region.height * 100}%` }}
                            />
                          ) : null}
                        </div>
                      </div>
                    ) : null}
                    {f.kind === 'foto_sama' && proofEditsText(f, locale) ? (
                      <p className="text-xs" data-testid="proof-edits">
                        {proofEditsText(f, locale)}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
              <p className="text-xs">{t('proof.note')}</p>
            </div>
          ) : null}
          {disputes.length > 0 && report.status === 'menunggu_validasi' ? (
            <div className="space-y-2 rounded border-2 border-red-300 bg-red-50 p-3" data-testid="disputes">
              <h2 className="font-semibold text-red-800">{t('proof.disputed')}</h2>
              {disputes.map((d) => (
                <div key={d.id} className="space-y-1">
                  <p>“{d.body}” · {formatWib(d.createdAt, locale)}</p>
                  {ticket.photos
                    .filter((p) => p.eventId === d.id)
                    .map((p) => (
                      // eslint-disable-next-line @next/next/no-img-element -- our own re-encoded thumbnails
                      <img key={p.id} src={`/api/petugas/foto/${p.id}?ukuran=kecil`} alt={t('proof.disputePhoto')} className="w-1/2 rounded border" />
                    ))}
                </div>
              ))}
            </div>
          ) : null}
          <h2 className="pt-2 font-semibold">{t('history')}</h2>
          <ol className="space-y-2 border-l-2 pl-4">
            {ticket.events.map((e, i) => (
              <li key={i} className={e.isPublic ? '' : 'bg-slate-50'}>
                <p className="font-semibold">{eventLabel(e.type, locale)}{e.isPublic ? '' : ` ${t('internal')}`}</p>
                <p className="text-xs text-gray-700">{formatWib(e.createdAt, locale)} · {e.userName ?? e.agencyName ?? (e.actorLabel === 'warga' ? t('reporter') : t('system'))}</p>
                {e.body ? <p>{e.body}</p> : null}
                {/* the instruction's words and an escalation's reason are for staff only */}
                {(e.type === 'instruksi' || e.type === 'eskalasi') && typeof (e.data as { note?: unknown } | null)?.note === 'string' ? (
                  <p className="italic">“{(e.data as { note: string }).note}” {t('internal')}</p>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
        <section className="space-y-3" aria-label={t('actions')}>
          {triage ? (
            <form action={triageAction} className="space-y-2 rounded-lg border-2 border-amber-400 bg-amber-50 p-3 text-sm" data-testid="triage-form">
              <input type="hidden" name="nomor" value={report.number} />
              <input type="hidden" name="versi" value={report.version} />
              <h2 className="font-semibold">{t('triage.title')}</h2>
              <label className="block space-y-1">
                <span>{t('triage.category')}</span>
                <select name="kategori" required defaultValue={report.categoryCode === UNCATEGORISED ? '' : report.categoryCode} className={field}>
                  <option value="" disabled>
                    —
                  </option>
                  {triageCategories
                    .filter((c) => c.code !== UNCATEGORISED)
                    .map((c) => (
                      <option key={c.code} value={c.code}>
                        {localName(c, locale)}
                      </option>
                    ))}
                </select>
              </label>
              {report.kelurahanCode === null ? (
                <>
                  <label className="block space-y-1">
                    <span>{t('triage.kelurahan')}</span>
                    <select name="kelurahan" defaultValue="" className={field}>
                      <option value="">—</option>
                      {triageKelurahan.map((k) => (
                        <option key={k.code} value={k.code ?? ''}>
                          {k.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <p>{t('triage.orPoint')}</p>
                  <div className="grid grid-cols-2 gap-2">
                    <input name="lat" inputMode="decimal" aria-label="Lat" placeholder="-6.1754" className={field} />
                    <input name="lng" inputMode="decimal" aria-label="Lng" placeholder="106.8272" className={field} />
                  </div>
                </>
              ) : null}
              <button className="rounded bg-[#0f3d5e] px-3 py-1.5 font-semibold text-white">{t('triage.submit')}</button>
            </form>
          ) : null}
          {choices.length === 0 && !triage ? <p className="text-sm">{t('noActions')}</p> : null}
          {choices.map((choice) => (
            <ActionForm
              key={choice.action}
              choice={choice}
              report={report}
              suggested={choice.action === 'koordinasi' ? ticket.routeTo : choice.action === 'instruksi' && report.kelurahanCode ? `kel-${report.kelurahanCode}` : null}
              needsReason={needsReason}
              today={wibDay(now)}
              userId={user.id}
            />
          ))}
        </section>
      </div>
      <ModerationPanel user={user} ticket={ticket} />
    </div>
  );
}
