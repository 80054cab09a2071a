import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { enqueueNotification } from '@/db/queries/outbox';
import { attachments, ratings, reportEvents, reports, reportSubscribers, type ReportStatus } from '@/db/schema';
import { contactKind } from '@/lib/channels/contact';
import { pushStatusChange } from '@/lib/push/queue';
import { whatsAppStatusText } from '@/lib/whatsapp/reporter';
import { canReopen, nextStatus } from '@/lib/reports/lifecycle';
import type { StoredPhoto } from '@/lib/media/store-photos';
import { trackingKeyMatches } from '@/lib/security/secret';
import { IntakeError } from './errors';
import { withoutNul } from './clean-text';

type Tx = Db;

/** Loads and locks the report behind a private tracking link, or refuses. */
async function lockTracked(tx: Tx, number: string, key: string) {
  const [row] = await tx
    .select({
      id: reports.id,
      status: reports.status,
      isPublic: reports.isPublic,
      finishedAt: reports.finishedAt,
      hash: reports.trackingSecretHash,
    })
    .from(reports)
    .where(eq(reports.number, number))
    .for('update');
  if (!row || !trackingKeyMatches(key, row.hash)) throw new IntakeError('kunci_salah');
  return row;
}

/** Whether a tracking key opens this report (for rendering the private page). */
export async function isTrackingKeyValid(db: Db, number: string, key: string): Promise<boolean> {
  const [row] = await db.select({ hash: reports.trackingSecretHash }).from(reports).where(eq(reports.number, number));
  return Boolean(row && trackingKeyMatches(key, row.hash));
}

export async function addInformation(db: Db, number: string, key: string, text: string, now: Date) {
  text = withoutNul(text);
  await db.transaction(async (tx) => {
    const r = await lockTracked(tx, number, key);
    if (!nextStatus(r.status, 'informasi')) throw new IntakeError('laporan_tidak_ditemukan');
    await tx.update(reports).set({ lastActivityAt: now, updatedAt: now }).where(eq(reports.id, r.id));
    // A private report's additions stay private, like the report itself.
    await tx.insert(reportEvents).values({
      reportId: r.id,
      type: 'informasi',
      fromStatus: r.status,
      toStatus: r.status,
      isPublic: r.isPublic,
      actorLabel: 'warga',
      body: text,
      createdAt: now,
    });
  });
}

/** The reporter confirms the work is done: while the follow-up waits for validation, or after Selesai. */
export async function confirmDone(db: Db, number: string, key: string, now: Date) {
  await db.transaction(async (tx) => {
    const r = await lockTracked(tx, number, key);
    if (!nextStatus(r.status, 'konfirmasi')) throw new IntakeError('belum_selesai');
    await tx.insert(reportEvents).values({ reportId: r.id, type: 'konfirmasi', fromStatus: r.status, toStatus: r.status, actorLabel: 'warga', createdAt: now });
  });
}

/**
 * The reporter disputes a follow-up waiting for validation ("belum selesai"), in their words and
 * optionally with a photo: the validator sees it first and must give a reason to accept anyway.
 */
export async function disputeFollowUp(db: Db, number: string, key: string, text: string, photo: StoredPhoto | null, now: Date) {
  text = withoutNul(text);
  await db.transaction(async (tx) => {
    const r = await lockTracked(tx, number, key);
    if (!nextStatus(r.status, 'sanggahan')) throw new IntakeError('tidak_menunggu_validasi');
    await tx
      .update(reports)
      .set({ disputeCount: sql`${reports.disputeCount} + 1`, version: sql`${reports.version} + 1`, lastActivityAt: now, updatedAt: now })
      .where(eq(reports.id, r.id));
    const [event] = await tx
      .insert(reportEvents)
      .values({ reportId: r.id, type: 'sanggahan', fromStatus: r.status, toStatus: r.status, isPublic: r.isPublic, actorLabel: 'warga', body: text, data: { photo: Boolean(photo) }, createdAt: now })
      .returning({ id: reportEvents.id });
    if (photo) await tx.insert(attachments).values({ ...photo, reportId: r.id, eventId: event.id, kind: 'informasi' });
  });
}

/** "Belum selesai": the reporter disputes a finished ticket within 14 days; it returns to proses. */
export async function reopenReport(db: Db, number: string, key: string, reason: string, now: Date) {
  reason = withoutNul(reason);
  await db.transaction(async (tx) => {
    const r = await lockTracked(tx, number, key);
    const to = nextStatus(r.status, 'dibuka_kembali');
    if (!to) throw new IntakeError('belum_selesai');
    if (!r.finishedAt || !canReopen(r.finishedAt, now)) throw new IntakeError('tidak_bisa_dibuka_kembali');
    await tx
      .update(reports)
      .set({
        status: to,
        finishedAt: null,
        reopenCount: sql`${reports.reopenCount} + 1`,
        version: sql`${reports.version} + 1`,
        lastActivityAt: now,
        updatedAt: now,
      })
      .where(eq(reports.id, r.id));
    await tx.insert(reportEvents).values({
      reportId: r.id,
      type: 'dibuka_kembali',
      fromStatus: r.status,
      toStatus: to,
      actorLabel: 'warga',
      body: reason,
      createdAt: now,
    });
    await notifySubscribers(tx, r.id, number, to);
  });
}

export async function rateReport(db: Db, number: string, key: string, score: number, comment: string | null, now: Date) {
  comment = withoutNul(comment);
  await db.transaction(async (tx) => {
    const r = await lockTracked(tx, number, key);
    if (r.status !== 'selesai') throw new IntakeError('belum_selesai');
    const [existing] = await tx.select({ id: ratings.id }).from(ratings).where(and(eq(ratings.reportId, r.id)));
    if (existing) throw new IntakeError('sudah_dinilai');
    await tx.insert(ratings).values({ reportId: r.id, score, comment, createdAt: now });
    // touching the report puts the rating on the change feed that keeps the public figures current
    await tx.update(reports).set({ updatedAt: now }).where(eq(reports.id, r.id));
    await tx.insert(reportEvents).values({
      reportId: r.id,
      type: 'penilaian',
      fromStatus: r.status,
      toStatus: r.status,
      actorLabel: 'warga',
      body: comment,
      data: { score },
      createdAt: now,
    });
  });
}

const STATUS_TEXT: Record<ReportStatus, string> = {
  menunggu: 'Menunggu',
  koordinasi: 'Koordinasi',
  disposisi: 'Disposisi',
  proses: 'Proses',
  menunggu_validasi: 'Menunggu Validasi',
  selesai: 'Selesai',
  ditolak: 'Ditolak',
};

/**
 * Tells everyone following a ticket that its status changed (in the caller's transaction), except
 * the contacts in `except`: a reporter who got a message of their own about the same change. The
 * browsers subscribed to push get it there, and then the reporter's SMS is not sent (pushStatusChange).
 */
export async function notifySubscribers(tx: Tx, reportId: number, number: string, status: ReportStatus, except: readonly string[] = []) {
  const replacedByPush = await pushStatusChange(tx, reportId, number, status);
  const subscribers = await tx.select({ contact: reportSubscribers.contact }).from(reportSubscribers).where(eq(reportSubscribers.reportId, reportId));
  for (const { contact } of subscribers) {
    if (except.includes(contact) || replacedByPush.includes(contact)) continue;
    // answered the way they reached us: e-mail, SMS, a reply under their post, LAPOR!, WhatsApp
    // (in English when that conversation is)
    const kind = contactKind(contact);
    await enqueueNotification(tx, {
      kind,
      recipient: contact,
      subject: kind === 'email' ? `Laporan ${number}: ${STATUS_TEXT[status]}` : undefined,
      body: (kind === 'whatsapp' && (await whatsAppStatusText(tx, contact, number, status))) || `Status laporan ${number} sekarang: ${STATUS_TEXT[status]}.`,
      reportId,
    });
  }
}
