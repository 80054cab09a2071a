import distance from '@turf/distance';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { attachments, reports } from '@/db/schema';

/**
 * Checks of a follow-up's after-photos, so that "Selesai" cannot be bought cheaply: a photo that
 * is near-identical to any earlier photo in the system (this ticket's own "before" photo, or a
 * photo of another ticket), taken before the report was filed, taken far from the ticket, or
 * without any capture metadata. Flags do not block; the validator sees them first.
 */

export type ProofFlagKind = 'foto_sama' | 'sebelum_laporan' | 'jauh' | 'tanpa_metadata';

export interface ProofFlag {
  kind: ProofFlagKind;
  /** Which after-photo of the follow-up (0-based, in upload order). */
  photo: number;
  matchNumber?: string;
  matchAttachmentId?: number;
  /** Bits that differ between the two perceptual hashes (0 = the same picture). */
  hashDistance?: number;
  distanceM?: number;
  takenAt?: string;
}

/** A flag as one official sees it (see flagsForViewer). */
export interface ShownProofFlag extends ProofFlag {
  /** The same photo is in a ticket this official may not open: its number and photo are left out. */
  isMatchHidden?: boolean;
}

/** The checks stored on a follow-up event's data (none when it has none). */
export function storedChecks(data: unknown): ProofFlag[] {
  const checks = (data as { checks?: unknown } | null)?.checks;
  return Array.isArray(checks) ? (checks as ProofFlag[]) : [];
}

/**
 * The flags as a viewer may see them. The stored flag keeps the other ticket's number (the
 * validator and Inspektorat need it), but telling a lurah that their photo is also in ticket
 * JKR… would point at a confidential report, and at who filed it: a match against a ticket the
 * viewer may not open (`canOpen` false) keeps its kind and distance, not its number or photo. Pure.
 */
export function flagsForViewer(flags: ProofFlag[], canOpen: (number: string) => boolean): ShownProofFlag[] {
  return flags.map((f) => {
    if (f.matchNumber === undefined || canOpen(f.matchNumber)) return f;
    const { matchNumber: _number, matchAttachmentId: _photo, ...rest } = f;
    return { ...rest, isMatchHidden: true };
  });
}

/** The hash of a picture without structure (one colour): such pictures cannot be told apart, so are not compared. */
const FLAT = '0000000000000000';
/** Photos whose difference hashes differ in at most this many of 64 bits are the same picture. */
export const SAME_PHOTO_MAX_BITS = Number(process.env.ADUAN_PROOF_SAME_PHOTO_BITS ?? 10);
/** A follow-up photo taken farther than this from the ticket is flagged. */
export const PROOF_MAX_DISTANCE_M = Number(process.env.ADUAN_PROOF_MAX_DISTANCE_M ?? 300);

export interface PhotoFacts {
  phash: string | null;
  exifTakenAt: Date | null;
  exifLat: number | null;
  exifLng: number | null;
}

export interface TicketPlace {
  createdAt: Date;
  lat: number | null;
  lng: number | null;
}

/** The capture-metadata flags of one photo. Pure. */
export function metadataFlags(photo: PhotoFacts, index: number, ticket: TicketPlace, maxDistanceM = PROOF_MAX_DISTANCE_M): ProofFlag[] {
  const flags: ProofFlag[] = [];
  const hasGps = photo.exifLat !== null && photo.exifLng !== null;
  if (!photo.exifTakenAt && !hasGps) return [{ kind: 'tanpa_metadata', photo: index }];
  if (photo.exifTakenAt && photo.exifTakenAt.getTime() < ticket.createdAt.getTime()) {
    flags.push({ kind: 'sebelum_laporan', photo: index, takenAt: photo.exifTakenAt.toISOString() });
  }
  if (hasGps && ticket.lat !== null && ticket.lng !== null) {
    const metres = Math.round(distance([photo.exifLng!, photo.exifLat!], [ticket.lng, ticket.lat], { units: 'meters' }));
    if (metres > maxDistanceM) flags.push({ kind: 'jauh', photo: index, distanceM: metres });
  }
  return flags;
}

/**
 * Every flag of a follow-up's photos, checked against the ticket and against every photo already
 * stored (the new photos are not stored yet, so they never match themselves).
 */
export async function checkFollowUpPhotos(db: Db, reportId: number, ticket: TicketPlace, photos: PhotoFacts[]): Promise<ProofFlag[]> {
  const flags: ProofFlag[] = [];
  for (const [index, photo] of photos.entries()) {
    if (photo.phash && photo.phash !== FLAT) {
      const bits = sql<number>`bit_count((('x' || ${attachments.phash})::bit(64)) # (('x' || ${photo.phash})::bit(64)))::int`;
      const [match] = await db
        .select({ id: attachments.id, number: reports.number, bits })
        .from(attachments)
        .innerJoin(reports, eq(reports.id, attachments.reportId))
        .where(and(sql`${attachments.phash} is not null`, ne(attachments.phash, FLAT), sql`${bits} <= ${SAME_PHOTO_MAX_BITS}`))
        // the closest match; this ticket's own photos first when equally close
        .orderBy(bits, sql`${attachments.reportId} = ${reportId} desc`, attachments.id)
        .limit(1);
      if (match) flags.push({ kind: 'foto_sama', photo: index, matchNumber: match.number, matchAttachmentId: match.id, hashDistance: match.bits });
    }
    flags.push(...metadataFlags(photo, index, ticket));
  }
  return flags;
}

export const PROOF_FLAG_TEXT: Record<ProofFlagKind, { id: string; en: string }> = {
  foto_sama: { id: 'Foto sama dengan foto laporan {nomor}', en: 'Same photo as in report {nomor}' },
  sebelum_laporan: { id: 'Foto diambil sebelum laporan dibuat ({waktu})', en: 'Photo taken before the report was filed ({waktu})' },
  jauh: { id: 'Foto diambil {jarak} m dari lokasi laporan', en: 'Photo taken {jarak} m from the reported location' },
  tanpa_metadata: { id: 'Foto tanpa metadata waktu dan lokasi', en: 'Photo without time or location metadata' },
};

/** A foto_sama flag whose other ticket the viewer may not open. */
export const HIDDEN_MATCH_TEXT = {
  id: 'Foto sama dengan foto laporan yang tidak dapat Anda buka',
  en: 'Same photo as in a report you cannot open',
};
