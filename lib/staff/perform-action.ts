import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { agencies, attachments, auditLog, regions, reportEvents, reports, type ReportStatus } from '@/db/schema';
import { ACTION_EVENT, canAct, canView, type StaffAction, type StaffUser } from '@/lib/auth/permissions';
import { rowsOf } from '@/db/bulk';
import { enqueueNotification } from '@/db/queries/outbox';
import { contactKind } from '@/lib/channels/contact';
import { notifySubscribers } from '@/lib/intake/tracking';
import { pushNewTicket } from '@/lib/push/queue';
import { trackingKey } from '@/lib/security/secret';
import { publicUrl } from '@/lib/config/public-url';
import { reporterMessage, type ReporterMessageInput } from '@/lib/notify/reporter-messages';
import { whatsAppReporter } from '@/lib/whatsapp/reporter';
import type { ProcessedImage } from '@/lib/media/process-image';
import type { MediaStorage } from '@/lib/media/storage';
import { removePhotos, storePhotos, type StoredPhoto } from '@/lib/media/store-photos';
import { officeCode } from '@/lib/reference/agencies';
import { nextStatus } from '@/lib/reports/lifecycle';
import { mayRouteTo } from '@/lib/auth/supervision';
import { StaffError } from './errors';
import { followUpFlags } from './proof-checks';
import { findRecycledPhotos } from './recycled-photos';
import { instructedAgencyIds, planEscalation, planInstruction, planReassignment, settleInstructions, SUPERVISOR_ACTIONS, type SupervisorStep } from './supervise';

export interface StaffActionInput {
  number: string;
  /** The version the official saw: a ticket changed since then is refused. */
  version: number;
  action: StaffAction;
  body?: string | null;
  targetAgencyCode?: string | null;
  targetKelurahanCode?: string | null;
  estimatedAt?: Date | null;
  /** An instruction's deadline. */
  dueAt?: Date | null;
  rejectReason?: 'duplikat' | 'bukan_kewenangan' | 'tidak_valid' | null;
  duplicateOf?: string | null;
  photos?: ProcessedImage[];
}


const FIRST_RESPONSE: readonly StaffAction[] = ['terima', 'koordinasi', 'disposisi', 'tanggapan', 'tolak', 'alihkan'];

/**
 * Every staff action on a ticket: in one transaction, lock the ticket, check jurisdiction,
 * role, version and the state machine, then write the change, its timeline event and its
 * audit row, and queue notifications: what the action says to the reporter (through their
 * private link), and the status change to everyone else following the ticket.
 */
export async function performStaffAction(
  db: Db,
  user: StaffUser,
  input: StaffActionInput,
  deps: { now: Date; storage: MediaStorage },
): Promise<{ status: ReportStatus; version: number }> {
  const { now } = deps;
  const stored: StoredPhoto[] = [];
  try {
    if (input.action === 'tindak_lanjut') {
      if (!input.photos?.length) throw new StaffError('foto_sesudah_wajib');
      await storePhotos(deps.storage, input.photos, now, stored, db);
    }
    // the recycled-photo check reads only photos already stored: done before the ticket is locked,
    // so its seconds of keypoint work do not hold the lock or a transaction's connection
    const facts = stored.map((p, i) => ({ phash: p.phash ?? null, image: input.photos?.[i]?.main.data, exifTakenAt: p.exifTakenAt ?? null, exifLat: p.exifLat ?? null, exifLng: p.exifLng ?? null }));
    const [target] = stored.length ? await db.select({ id: reports.id }).from(reports).where(eq(reports.number, input.number)) : [];
    const recycled = target ? await findRecycledPhotos(db, target.id, facts, deps.storage) : [];
    return await db.transaction(async (tx) => {
      const [r] = await tx.select().from(reports).where(eq(reports.number, input.number)).for('update');
      if (!r) throw new StaffError('tidak_ditemukan');
      const [holder] = r.handlingAgencyId
        ? await tx.select({ parentId: agencies.parentId }).from(agencies).where(eq(agencies.id, r.handlingAgencyId))
        : [];
      const scope = { ...r, handlingAgencyParentId: holder?.parentId ?? null, instructedAgencyIds: await instructedAgencyIds(tx, r.id) };
      if (!canView(user, scope)) throw new StaffError('tidak_ditemukan');
      if (!canAct(user, input.action, scope)) throw new StaffError('tidak_berwenang');
      if (r.version !== input.version) throw new StaffError('versi_berubah');
      const eventType = ACTION_EVENT[input.action];
      const to = nextStatus(r.status, eventType);
      if (!to) throw new StaffError('transisi_tidak_sah');

      let change: Partial<typeof reports.$inferInsert> = {};
      let data: Record<string, unknown> = {};
      let eventBody = input.body?.trim() || null;
      let supervision: SupervisorStep | null = null;
      // the original of a duplicate as its reporter may be told it (a confidential one unnamed)
      let shownOriginal: string | null = null;
      const needsBody = ['tanggapan', 'catatan', 'validasi_tolak', 'tolak', 'estimasi', 'tindak_lanjut'].includes(input.action);
      if (needsBody && !input.body?.trim()) throw new StaffError('keterangan_wajib');

      switch (input.action) {
        case 'koordinasi':
        case 'disposisi': {
          const [target] = input.targetAgencyCode
            ? await tx.select().from(agencies).where(eq(agencies.code, input.targetAgencyCode))
            : [];
          if (!target || target.id === r.handlingAgencyId) throw new StaffError('instansi_tidak_valid');
          // a Dinas disposes to its own Suku Dinas in the ticket's kota
          if (input.action === 'disposisi' && (target.kind !== 'sudin' || target.parentId !== r.handlingAgencyId || (r.kotaCode !== null && target.regionCode !== r.kotaCode))) {
            throw new StaffError('instansi_tidak_valid');
          }
          if (input.action === 'koordinasi' && !['dinas', 'bumd', 'eksternal', 'kecamatan', 'walikota', 'kelurahan'].includes(target.kind)) {
            throw new StaffError('instansi_tidak_valid');
          }
          change.handlingAgencyId = target.id;
          data.to = target.code;
          break;
        }
        case 'alihkan': {
          const [kel] = input.targetKelurahanCode
            ? await tx.select().from(regions).where(and(eq(regions.code, input.targetKelurahanCode), eq(regions.level, 'kelurahan')))
            : [];
          if (!kel || kel.code === r.kelurahanCode || !mayRouteTo(user, kel.code)) throw new StaffError('kelurahan_tidak_valid');
          const [office] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, officeCode.kelurahan(kel.code)));
          Object.assign(change, { kelurahanCode: kel.code, kecamatanCode: kel.parentCode, kotaCode: kel.parentCode!.slice(0, 5), handlingAgencyId: office.id });
          data.to = officeCode.kelurahan(kel.code);
          data.from = r.kelurahanCode;
          break;
        }
        case 'estimasi':
          if (!input.estimatedAt || input.estimatedAt.getTime() <= now.getTime()) throw new StaffError('tanggal_tidak_valid');
          change.estimatedCompletionAt = input.estimatedAt;
          data.estimatedAt = input.estimatedAt.toISOString();
          break;
        case 'tindak_lanjut': {
          data.photos = stored.length;
          const checks = followUpFlags(r, facts, recycled);
          data.checks = checks;
          change.proofFlags = checks.length;
          break;
        }
        case 'validasi_terima': {
          // accepting a follow-up whose photos were flagged, or that the reporter disputed, takes a written reason (audited with it)
          const disputed = await disputedSinceFollowUp(tx, r.id);
          if ((r.proofFlags > 0 || disputed) && !input.body?.trim()) throw new StaffError('alasan_bendera_wajib');
          if (r.proofFlags > 0) data.acceptedFlags = r.proofFlags;
          if (disputed) data.acceptedDisputes = disputed;
          change.finishedAt = now;
          break;
        }
        case 'validasi_tolak':
          change.rejectedFollowUpCount = sql`${reports.rejectedFollowUpCount} + 1` as unknown as number;
          break;
        case 'tolak': {
          if (!input.rejectReason) throw new StaffError('alasan_wajib');
          change.rejectReason = input.rejectReason;
          change.finishedAt = now;
          data.reason = input.rejectReason;
          if (input.rejectReason === 'duplikat') {
            const [original] = input.duplicateOf
              ? await tx
                  .select({ id: reports.id, number: reports.number, isConfidential: reports.isConfidential })
                  .from(reports)
                  .where(eq(reports.number, input.duplicateOf))
              : [];
            if (!original || original.id === r.id) throw new StaffError('laporan_asli_tidak_valid');
            change.duplicateOfId = original.id;
            data.duplicateOf = original.number;
            if (!original.isConfidential) shownOriginal = original.number;
            // The original absorbs this report's supporters (and its reporter).
            await tx
              .update(reports)
              .set({ supportCount: sql`${reports.supportCount} + ${1 + r.supportCount}` })
              .where(eq(reports.id, original.id));
          }
          break;
        }
      }
      const plan = { instruksi: planInstruction, eskalasi: planEscalation, tugaskan: planReassignment }[input.action as 'instruksi' | 'eskalasi' | 'tugaskan'];
      if (plan) {
        supervision = await plan(tx, user, r, input, now);
        ({ change, data, body: eventBody } = supervision);
      }
      if (r.firstResponseAt === null && FIRST_RESPONSE.includes(input.action)) change.firstResponseAt = now;

      await tx
        .update(reports)
        .set({ ...change, status: to, version: r.version + 1, ...(SUPERVISOR_ACTIONS.includes(input.action) ? {} : { lastActivityAt: now }), updatedAt: now })
        .where(eq(reports.id, r.id));
      const [event] = await tx
        .insert(reportEvents)
        .values({
          reportId: r.id,
          type: eventType,
          fromStatus: r.status,
          toStatus: to,
          isPublic: input.action !== 'catatan',
          actorUserId: user.id,
          actorAgencyId: user.agencyId,
          body: eventBody,
          data: Object.keys(data).length ? data : null,
          createdAt: now,
        })
        .returning({ id: reportEvents.id });
      await supervision?.after(tx, event.id);
      if (change.handlingAgencyId && change.handlingAgencyId !== r.handlingAgencyId) {
        await pushNewTicket(tx, { ...r, ...change, handlingAgencyId: change.handlingAgencyId, handlingAgencyParentId: null, status: to }, r.number);
      }
      await settleInstructions(tx, r, input.action, change.handlingAgencyId, event.id, now);
      if (stored.length) {
        await tx.insert(attachments).values(stored.map((p) => ({ ...p, reportId: r.id, eventId: event.id, kind: 'sesudah' as const })));
      }
      await tx.insert(auditLog).values({
        actorUserId: user.id,
        action: `laporan.${input.action}`,
        targetType: 'report',
        targetId: r.number,
        data: { from: r.status, to, version: r.version + 1, ...data },
        createdAt: now,
      });
      const told = await tellReporter(tx, user, r, {
        action: input.action,
        body: input.body?.trim() || null,
        estimatedAt: input.estimatedAt ?? null,
        rejectReason: input.rejectReason ?? null,
        duplicateOf: shownOriginal,
      });
      // the reporter who was just told in their own message does not get the bare status change too
      if (to !== r.status) await notifySubscribers(tx, r.id, r.number, to, told);
      return { status: to, version: r.version + 1 };
    });
  } catch (error) {
    await removePhotos(deps.storage, stored);
    throw error;
  }
}

/**
 * Sends the reporter, through their private link, what this action says to them (a response, an
 * estimate, a rejection and its reason, a validated or rejected follow-up) in the action's
 * transaction. Only to a direct contact (e-mail, else phone, else the WhatsApp conversation that
 * filed it): a reply under a public post must
 * never carry the private link. Returns the reporter's contacts when a message was queued.
 */
async function tellReporter(
  tx: Db,
  user: StaffUser,
  r: typeof reports.$inferSelect,
  what: Pick<ReporterMessageInput, 'action' | 'body' | 'estimatedAt' | 'rejectReason' | 'duplicateOf'>,
): Promise<string[]> {
  const contact = r.reporterEmail ?? r.reporterPhone ?? (r.channelCode === 'whatsapp' ? await whatsAppReporter(tx, r.id) : null);
  if (!contact || !r.idempotencyKey) return [];
  const [unit] = user.agencyId ? await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, user.agencyId)) : [];
  const link = `${publicUrl()}/lacak/${r.number}?kunci=${trackingKey(r.idempotencyKey)}`;
  const message = reporterMessage({ ...what, number: r.number, unit: unit?.name ?? 'Petugas Aduan Jakarta', link });
  if (!message) return [];
  const kind = contactKind(contact);
  await enqueueNotification(tx, { kind, recipient: contact, subject: kind === 'email' ? message.subject : undefined, body: message.body, reportId: r.id });
  return [r.reporterEmail, r.reporterPhone, contact].filter((c): c is string => Boolean(c));
}

/** How many times the reporter disputed the latest follow-up (0 when not). */
async function disputedSinceFollowUp(tx: Db, reportId: number): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    tx.execute(sql`
      select count(*)::int as n from report_events e
      where e.report_id = ${reportId} and e.type = 'sanggahan'
        and e.id > coalesce((select max(id) from report_events f where f.report_id = ${reportId} and f.type = 'tindak_lanjut'), 0)`),
  );
  return row.n;
}
