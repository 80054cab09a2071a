import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/connect';
import { agencies, attachments, auditLog, reportEvents, reports } from '@/db/schema';
import {
  canModerate,
  canView,
  MODERATION_ACTIONS,
  MODERATION_PERMISSIONS,
  type ModerationAction,
  type PhotoScope,
  type StaffUser,
} from '@/lib/auth/permissions';
import { withoutNul } from '@/lib/intake/clean-text';
import { StaffError, type StaffErrorCode } from './errors';

/** The longest public text: the same as the longest description a citizen may file. */
export const PUBLIC_TEXT_MAX = 2000;

const PHOTO_ACTIONS: readonly ModerationAction[] = ['sembunyikan_foto', 'tampilkan_foto', 'foto_publik', 'foto_tidak_publik'];

const cleaned = z.string().transform((v) => withoutNul(v).trim());

export const moderateReportSchema = z
  .object({
    number: z.string().min(1),
    /** The version the official saw: a ticket changed since then is refused. */
    version: z.number().int().min(1),
    what: z.enum(MODERATION_ACTIONS),
    /** Why: required for every action, kept in the audit log only (never public). */
    reason: cleaned.pipe(z.string().min(5).max(500)),
    /** The new public text ('sunting_teks'; ignored otherwise). */
    text: cleaned.nullish(),
    /** The photo of this report the action is about (photo actions). */
    attachmentId: z.number().int().positive().nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.what === 'sunting_teks' && (!v.text || v.text.length > PUBLIC_TEXT_MAX)) ctx.addIssue({ code: 'custom', path: ['text'], message: 'length' });
    if (PHOTO_ACTIONS.includes(v.what) && !v.attachmentId) ctx.addIssue({ code: 'custom', path: ['attachmentId'], message: 'missing' });
  });
export type ModerateReportInput = z.input<typeof moderateReportSchema>;

/** The coded error for an invalid field (the first one wins). */
const FIELD_ERROR: Record<string, StaffErrorCode> = {
  number: 'tidak_ditemukan',
  version: 'versi_berubah',
  what: 'tidak_berwenang',
  reason: 'alasan_moderasi_wajib',
  text: 'teks_moderasi_tidak_valid',
  attachmentId: 'foto_tidak_ditemukan',
};

/**
 * Moderation of what the public sees of a ticket: edit, hide or restore its public text; hide or
 * show a photo; mark an official's after-photo of a private report publishable or not. In one
 * transaction: lock the ticket, check jurisdiction, role, photo ownership and version, then write
 * the change, a public 'moderasi' event without a body, and the audit row that alone keeps the
 * reason and the text before and after. The text as filed (reports.description) is never
 * touched. Personal data in the new text is not refused: the public projection masks all public
 * text on output (db/queries/public/text.ts). The caller refreshes the caches after commit.
 */
export async function moderateReport(
  db: Db,
  user: StaffUser,
  input: ModerateReportInput,
  deps: { now: Date },
): Promise<{ version: number; isModerated: boolean }> {
  const { now } = deps;
  if (!(MODERATION_PERMISSIONS[user.role] as readonly string[]).includes(input.what)) throw new StaffError('tidak_berwenang');
  const parsed = moderateReportSchema.safeParse(input);
  if (!parsed.success) throw new StaffError(FIELD_ERROR[String(parsed.error.issues[0].path[0])] ?? 'alasan_moderasi_wajib');
  const f = parsed.data;

  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(reports).where(eq(reports.number, f.number)).for('update');
    if (!r) throw new StaffError('tidak_ditemukan');
    const [holder] = r.handlingAgencyId
      ? await tx.select({ parentId: agencies.parentId }).from(agencies).where(eq(agencies.id, r.handlingAgencyId))
      : [];
    const scope = { ...r, handlingAgencyParentId: holder?.parentId ?? null };
    if (!canView(user, scope)) throw new StaffError('tidak_ditemukan');
    // every moderation of this ticket's photos locks the ticket first, so the photo row needs no lock of its own
    const photo = f.attachmentId ? await photoOf(tx, r.id, f.attachmentId) : null;
    if (PHOTO_ACTIONS.includes(f.what) && !photo) throw new StaffError('foto_tidak_ditemukan');
    if (!canModerate(user, f.what, scope, photo ?? undefined)) throw new StaffError('tidak_berwenang');
    if (r.version !== f.version) throw new StaffError('versi_berubah');

    const change: Partial<typeof reports.$inferInsert> = {};
    const shown = { text: r.publicDescription ?? r.description, isHidden: r.isTextHidden };
    let before: Record<string, unknown> = shown;
    let after: Record<string, unknown>;
    switch (f.what) {
      case 'sunting_teks':
      case 'sembunyikan_teks':
      case 'pulihkan_teks': {
        if (!r.isPublic) throw new StaffError('teks_laporan_privat');
        if (f.what === 'sunting_teks') {
          if (f.text === r.description || (!r.isTextHidden && f.text === shown.text)) throw new StaffError('teks_moderasi_sama');
          Object.assign(change, { publicDescription: f.text, isTextHidden: false });
        } else if (f.what === 'sembunyikan_teks') {
          if (r.isTextHidden) throw new StaffError('moderasi_tidak_mengubah');
          change.isTextHidden = true;
        } else {
          if (r.publicDescription === null && !r.isTextHidden) throw new StaffError('moderasi_tidak_mengubah');
          Object.assign(change, { publicDescription: null, isTextHidden: false });
        }
        after = { text: change.publicDescription === undefined ? shown.text : (change.publicDescription ?? r.description), isHidden: change.isTextHidden ?? r.isTextHidden };
        break;
      }
      case 'sembunyikan_foto':
      case 'tampilkan_foto': {
        const hide = f.what === 'sembunyikan_foto';
        if ((photo!.hiddenAt !== null) === hide) throw new StaffError('moderasi_tidak_mengubah');
        await tx.update(attachments).set({ hiddenAt: hide ? now : null }).where(eq(attachments.id, photo!.id));
        before = { isHidden: !hide };
        after = { isHidden: hide };
        break;
      }
      case 'foto_publik':
      case 'foto_tidak_publik': {
        const publishable = f.what === 'foto_publik';
        if (photo!.kind !== 'sesudah') throw new StaffError('bukan_foto_sesudah');
        if (r.isPublic) throw new StaffError('foto_laporan_publik');
        if (photo!.isPublishable === publishable) throw new StaffError('moderasi_tidak_mengubah');
        await tx.update(attachments).set({ isPublishable: publishable }).where(eq(attachments.id, photo!.id));
        before = { isPublishable: !publishable };
        after = { isPublishable: publishable };
        break;
      }
      default:
        throw new Error(`unknown moderation ${f.what satisfies never}`);
    }

    // "moderated" tells the public that what it sees differs from what was filed: it follows the
    // state (text replaced or hidden, a photo hidden), so restoring everything clears it again.
    // Marking an official's photo publishable changes nothing the citizen wrote and leaves it.
    let moderatedAt = r.moderatedAt;
    if (f.what !== 'foto_publik' && f.what !== 'foto_tidak_publik') {
      const isTextModerated = (change.publicDescription === undefined ? r.publicDescription : change.publicDescription) !== null || (change.isTextHidden ?? r.isTextHidden);
      const [hidden] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(attachments)
        .where(and(eq(attachments.reportId, r.id), isNotNull(attachments.hiddenAt)));
      moderatedAt = isTextModerated || hidden.n > 0 ? now : null;
    }
    const version = r.version + 1;
    // not the handling unit's work: lastActivityAt (the SLA silence clock) stays
    await tx.update(reports).set({ ...change, moderatedAt, version, updatedAt: now }).where(eq(reports.id, r.id));
    const subject = f.attachmentId ? { what: f.what, attachmentId: f.attachmentId } : { what: f.what };
    await tx.insert(reportEvents).values({
      reportId: r.id,
      type: 'moderasi',
      fromStatus: r.status,
      toStatus: r.status,
      isPublic: true,
      actorUserId: user.id,
      actorAgencyId: user.agencyId,
      body: null,
      data: subject,
      createdAt: now,
    });
    await tx.insert(auditLog).values({
      actorUserId: user.id,
      action: 'laporan.moderasi',
      targetType: 'report',
      targetId: r.number,
      data: { ...subject, reason: f.reason, before, after, version },
      createdAt: now,
    });
    return { version, isModerated: moderatedAt !== null };
  });
}

/** A photo of this report, with the unit whose event added it; null when it is not one of its photos. */
async function photoOf(tx: Db, reportId: number, id: number): Promise<(PhotoScope & { id: number; hiddenAt: Date | null; isPublishable: boolean }) | null> {
  const [row] = await tx
    .select({
      id: attachments.id,
      kind: attachments.kind,
      hiddenAt: attachments.hiddenAt,
      isPublishable: attachments.isPublishable,
      authorAgencyId: reportEvents.actorAgencyId,
    })
    .from(attachments)
    .leftJoin(reportEvents, eq(reportEvents.id, attachments.eventId))
    .where(and(eq(attachments.id, id), eq(attachments.reportId, reportId)));
  return row ?? null;
}
