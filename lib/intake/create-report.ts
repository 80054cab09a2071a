import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { enqueueNotification } from '@/db/queries/outbox';
import { cachedAgencyId, cachedSlaSettings } from '@/db/queries/reference-cache';
import { attachments, categories, confidentialTicketSequences, regions, reportEvents, reports, reportSubscribers, ticketSequences } from '@/db/schema';
import type { ProcessedImage } from '@/lib/media/process-image';
import { removeQuarantined, storeQuarantined, wakePhotoWorker, type AcceptedImage, type QuarantinedPhoto } from '@/lib/media/quarantine';
import type { MediaStorage } from '@/lib/media/storage';
import { removePhotos, storePhotos, type StoredPhoto } from '@/lib/media/store-photos';
import { contactKind } from '@/lib/channels/contact';
import { pushNewTicket } from '@/lib/push/queue';
import { officeCode } from '@/lib/reference/agencies';
import { UNCATEGORISED } from '@/lib/reference/categories';
import { locate } from '@/lib/regions/jakarta';
import { formatTicketNumber, ticketPrefix, wibDay } from '@/lib/reports/ticket-number';
import { hashTrackingKey, trackingKey } from '@/lib/security/secret';
import { deadlinesFor } from '@/lib/sla/policy';
import { IntakeError } from './errors';
import { withoutNulFields } from './clean-text';

export interface CreateReportInput {
  /** One per rendered form: a retried or double-clicked submission carries the same token. */
  formToken: string;
  channelCode: string;
  /** The message's own id in its channel (SMS id, e-mail Message-ID, post id, LAPOR! number). */
  channelRef?: string | null;
  /** Null when the channel did not say: the report waits in triage for a category. */
  categoryCode: string | null;
  description: string;
  isPublic: boolean;
  lat: number | null;
  lng: number | null;
  /** The kelurahan chosen without a map, used when there is no point. */
  kelurahanCode: string | null;
  address: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  reporterEmail: string | null;
  /**
   * Uploads as accepted at intake (acceptImage): stored in quarantine and published by the photo
   * worker once re-encoded. Photos already processed (processImage) are published at once.
   */
  photos: (AcceptedImage | ProcessedImage)[];
  /** Channels other than the app may file a report without any location: it waits in triage. */
  allowUnlocated?: boolean;
  /** How to answer the citizen through their channel (see lib/channels/contact), besides phone and e-mail. */
  replyContact?: string | null;
  /** The official who typed it in at a desk. */
  recordedBy?: number | null;
}

export interface CreatedReport {
  number: string;
  trackingKey: string;
  /** False when this was a retry of a submission already stored. */
  isNew: boolean;
}


/**
 * Files a report: routes it to the kelurahan that contains its point (or the chosen
 * kelurahan), allocates the day's next ticket number (`JKR…` from the confidential series for a
 * confidential category), and writes the report, its first
 * timeline event, its photos and its confirmation message in one transaction. Photo files
 * are written first and removed again if the transaction does not commit; uploads wait in
 * quarantine for the photo worker, so a burst of reports is acknowledged at the speed of the
 * database, not of image encoding.
 */
export async function createReport(
  db: Db,
  input: CreateReportInput,
  deps: { now: Date; storage: MediaStorage; publicUrl: string },
): Promise<CreatedReport> {
  input = withoutNulFields(input);
  const key = trackingKey(input.formToken);
  const existing = await findByFormToken(db, input.formToken);
  if (existing) return { number: existing, trackingKey: key, isNew: false };

  const place = await resolvePlace(db, input);
  const [category] = await db.select().from(categories).where(eq(categories.code, input.categoryCode ?? UNCATEGORISED));
  if (!category) throw new IntakeError('kategori_tidak_dikenal');
  const sla = await cachedSlaSettings(db);
  const deadlines = deadlinesFor(deps.now, sla.policyFor(category.code), sla.holidays);

  const stored: StoredPhoto[] = [];
  const quarantined: QuarantinedPhoto[] = [];
  const isProcessed = (photo: AcceptedImage | ProcessedImage): photo is ProcessedImage => 'main' in photo;
  try {
    await storePhotos(deps.storage, input.photos.filter(isProcessed), deps.now, stored, db);
    await storeQuarantined(deps.storage, input.photos.filter((p): p is AcceptedImage => !isProcessed(p)), deps.now, quarantined, db);
    const photos = [...stored, ...quarantined];
    // without a place (and not confidential) nobody holds it yet: it waits in the triage queue
    const unitCode = category.isConfidential ? 'inspektorat' : place.kelurahanCode ? officeCode.kelurahan(place.kelurahanCode) : null;
    const unitId = unitCode ? await cachedAgencyId(db, unitCode) : null;
    const number = await db.transaction(async (tx) => {
      // The day's counter row is locked from the moment it is incremented until the commit, so it
      // is incremented last, in one statement with the rows that carry the number: everything
      // else is written under a provisional number first. A transaction that fails therefore
      // never takes a number (numbers stay gap-free) and never holds up the next report.
      const provisional = `baru:${input.formToken}`;
      const [report] = await tx
        .insert(reports)
        .values({
          number: provisional,
          channelCode: input.channelCode,
          channelRef: input.channelRef ?? null,
          categoryCode: category.code,
          description: input.description,
          address: input.address,
          isPublic: category.isConfidential ? false : input.isPublic,
          isConfidential: category.isConfidential,
          lat: input.lat,
          lng: input.lng,
          ...place,
          status: 'menunggu',
          handlingAgencyId: unitId,
          ...deadlines,
          lastActivityAt: deps.now,
          reporterName: input.reporterName,
          reporterPhone: input.reporterPhone,
          reporterEmail: input.reporterEmail,
          trackingSecretHash: hashTrackingKey(key),
          idempotencyKey: input.formToken,
          createdAt: deps.now,
          updatedAt: deps.now,
        })
        .returning({ id: reports.id });
      const [event] = await tx
        .insert(reportEvents)
        .values({
          reportId: report.id,
          type: 'dibuat',
          toStatus: 'menunggu',
          actorLabel: input.recordedBy ? null : 'warga',
          actorUserId: input.recordedBy ?? null,
          data: { channel: input.channelCode, photos: photos.length },
          createdAt: deps.now,
        })
        .returning({ id: reportEvents.id });
      if (photos.length > 0) {
        await tx.insert(attachments).values(photos.map((p) => ({ ...p, reportId: report.id, eventId: event.id, kind: 'sebelum' as const })));
      }
      const contacts = [...new Set([input.reporterEmail, input.reporterPhone, input.replyContact].filter((c): c is string => Boolean(c)))];
      if (contacts.length > 0) {
        await tx.insert(reportSubscribers).values(contacts.map((contact) => ({ reportId: report.id, contact })));
      }
      const link = `${deps.publicUrl}/lacak/${provisional}?kunci=${key}`;
      const privateBody = `Laporan Anda diterima dengan nomor ${provisional}. Pantau, tambahkan informasi atau beri penilaian lewat tautan pribadi ini: ${link}`;
      // A reply under a social-media post or into LAPOR! can be read by others: it carries the
      // number only, never the private link, which goes to the reporter's own phone or e-mail.
      const publicBody = `Laporan Anda diterima dengan nomor ${provisional}. Pantau di ${deps.publicUrl}/lacak dengan nomor ini.`;
      const own = input.reporterEmail ?? input.reporterPhone;
      const answers = [
        ...(input.replyContact ? [{ to: input.replyContact, body: isPrivateContact(input.replyContact) ? privateBody : publicBody }] : []),
        ...(own && own !== input.replyContact && !(input.replyContact && isPrivateContact(input.replyContact)) ? [{ to: own, body: privateBody }] : []),
      ];
      const confirmationIds: number[] = [];
      for (const answer of answers) {
        const kind = contactKind(answer.to);
        const subject = kind === 'email' ? `Laporan ${provisional} diterima` : undefined;
        confirmationIds.push((await enqueueNotification(tx, { kind, recipient: answer.to, subject, body: answer.body, reportId: report.id })).id);
      }
      // the officials of the unit it lands with, when they asked for pushes (numbered with the rest)
      const pushed = await pushNewTicket(tx, { id: report.id, handlingAgencyId: unitId, handlingAgencyParentId: null, ...place, categoryCode: category.code, isConfidential: category.isConfidential, status: 'menunggu' }, provisional, category);
      confirmationIds.push(...pushed);
      const day = wibDay(deps.now);
      // Confidential tickets count in a series of their own, so the public one shows no gap for them.
      const series = category.isConfidential ? 'confidential' : 'public';
      const counter = category.isConfidential ? confidentialTicketSequences : ticketSequences;
      const [{ last }] = await rowsOf<{ last: number }>(
        tx.execute(sql`
          with counter as (
            insert into ${counter} (day, last) values (${day}, 1)
            on conflict (day) do update set last = ${counter}.last + 1
            returning last),
          numbered as (select last, ${ticketPrefix(day, series)}::text || lpad(last::text, 4, '0') as number from counter),
          report as (update reports set number = numbered.number from numbered where reports.id = ${report.id}),
          confirmation as (
            update outbox set subject = replace(subject, ${provisional}, numbered.number), body = replace(body, ${provisional}, numbered.number)
            from numbered where outbox.id = any(${`{${confirmationIds.join(',')}}`}::bigint[]))
          select last from numbered`),
      );
      return formatTicketNumber(day, last, series);
    });
    if (quarantined.length > 0) wakePhotoWorker();
    return { number, trackingKey: key, isNew: true };
  } catch (error) {
    await removePhotos(deps.storage, stored);
    await removeQuarantined(deps.storage, quarantined);
    // A concurrent retry with the same form token won the race: answer with its ticket.
    const winner = await findByFormToken(db, input.formToken);
    if (winner) return { number: winner, trackingKey: key, isNew: false };
    throw error;
  }
}

/** Phone numbers and e-mail addresses reach only the reporter; social posts and LAPOR! replies may not. */
function isPrivateContact(contact: string): boolean {
  const kind = contactKind(contact);
  return kind === 'email' || kind === 'sms';
}

/** The ticket number a form token (or a channel's message reference) already filed, if any. */
export async function findByFormToken(db: Db, formToken: string): Promise<string | null> {
  // a message from a channel is known by its channel reference as well
  const ref = /^kanal:([^:]+):(.+)$/.exec(formToken);
  if (ref) {
    const [row] = await db
      .select({ number: reports.number })
      .from(reports)
      .where(and(eq(reports.channelCode, ref[1]), eq(reports.channelRef, ref[2])));
    if (row) return row.number;
  }
  const [row] = await db.select({ number: reports.number }).from(reports).where(eq(reports.idempotencyKey, formToken));
  return row?.number ?? null;
}

async function resolvePlace(db: Db, input: CreateReportInput) {
  if (input.lat !== null && input.lng !== null) {
    const hit = locate(input.lat, input.lng);
    if (!hit) throw new IntakeError('di_luar_jakarta');
    return { kelurahanCode: hit.kelurahanCode, kecamatanCode: hit.kecamatanCode, kotaCode: hit.kotaCode };
  }
  if (input.kelurahanCode) {
    const [kel] = await db
      .select({ code: regions.code, parent: regions.parentCode })
      .from(regions)
      .where(and(eq(regions.code, input.kelurahanCode), eq(regions.level, 'kelurahan')));
    if (!kel) throw new IntakeError('kelurahan_tidak_dikenal');
    return { kelurahanCode: kel.code, kecamatanCode: kel.parent!, kotaCode: kel.parent!.slice(0, 5) };
  }
  if (input.allowUnlocated) return { kelurahanCode: null, kecamatanCode: null, kotaCode: null };
  throw new IntakeError('lokasi_wajib');
}
