import distance from '@turf/distance';
import type { DetectedEdit } from '@/lib/media/photo-match';
import { recycledFlag, type RecycledCheck } from './recycled-photos';

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
  /** How well the copy's detail agrees with the stored photo once aligned (0..1), when keypoints were compared. */
  score?: number;
  /** What was done to the stored photo to make the copy (mirrored, turned, cropped, screenshot…). */
  edits?: DetectedEdit[];
  /** The part of the stored photo the copy shows (fractions of its width and height). */
  region?: { left: number; top: number; width: number; height: number };
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
 * viewer may not open (`canOpen` false) keeps its kind, distance, score and edits, not its number,
 * photo or the matched region of that photo. Pure.
 */
export function flagsForViewer(flags: ProofFlag[], canOpen: (number: string) => boolean): ShownProofFlag[] {
  return flags.map((f) => {
    if (f.matchNumber === undefined || canOpen(f.matchNumber)) return f;
    // the region says where on the other ticket's photo the copy lies: it goes with the photo
    const { matchNumber: _number, matchAttachmentId: _photo, region: _region, ...rest } = f;
    return { ...rest, isMatchHidden: true };
  });
}

export { SAME_PHOTO_MAX_BITS } from './recycled-photos';
/** A follow-up photo taken farther than this from the ticket is flagged. */
export const PROOF_MAX_DISTANCE_M = Number(process.env.ADUAN_PROOF_MAX_DISTANCE_M ?? 300);

export interface PhotoFacts {
  phash: string | null;
  /** The new photo's file: with the storage, it is compared by robust hashes and keypoints too. */
  image?: Buffer;
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
 * Every flag of a follow-up's photos, from what the stored photos say about each (`recycled`, see
 * findRecycledPhotos: computed before the follow-up's transaction) and the ticket's time and
 * place. Pure.
 */
export function followUpFlags(ticket: TicketPlace, photos: PhotoFacts[], recycled: RecycledCheck[]): ProofFlag[] {
  return photos.flatMap((photo, index) => {
    const copy = recycledFlag(recycled[index], index);
    return [...(copy ? [copy] : []), ...metadataFlags(photo, index, ticket)];
  });
}

export const PROOF_FLAG_TEXT: Record<ProofFlagKind, { id: string; en: string }> = {
  foto_sama: { id: 'Foto sama dengan foto laporan {nomor}', en: 'Same photo as in report {nomor}' },
  sebelum_laporan: { id: 'Foto diambil sebelum laporan dibuat ({waktu})', en: 'Photo taken before the report was filed ({waktu})' },
  jauh: { id: 'Foto diambil {jarak} m dari lokasi laporan', en: 'Photo taken {jarak} m from the reported location' },
  tanpa_metadata: { id: 'Foto tanpa metadata waktu dan lokasi', en: 'Photo without time or location metadata' },
};

/** The edits the photo check names, as the validator reads them. */
export const PROOF_EDIT_TEXT: Record<DetectedEdit, { id: string; en: string }> = {
  cermin: { id: 'dicerminkan', en: 'mirrored' },
  putar_90: { id: 'diputar 90°', en: 'turned 90°' },
  putar_sedikit: { id: 'diputar sedikit', en: 'turned a few degrees' },
  potong: { id: 'dipotong', en: 'cropped' },
  tangkapan_layar: { id: 'tangkapan layar', en: 'screenshot' },
  ukuran: { id: 'diubah ukurannya', en: 'resized' },
  abu_abu: { id: 'dijadikan hitam-putih', en: 'made greyscale' },
};

/** The line under a keypoint-verified match: what was done, how well the pictures agree. */
export function proofEditsText(f: Pick<ProofFlag, 'edits' | 'score'>, locale: 'id' | 'en'): string | null {
  if (f.score === undefined) return null;
  const edits = (f.edits ?? []).map((e) => PROOF_EDIT_TEXT[e][locale]);
  const agree = locale === 'id' ? `kecocokan ${f.score.toFixed(2).replace('.', ',')}` : `agreement ${f.score.toFixed(2)}`;
  const done = edits.length ? edits.join(', ') : locale === 'id' ? 'tanpa perubahan berarti' : 'no notable edit';
  return `${locale === 'id' ? 'Perubahan' : 'Edits'}: ${done} · ${agree}`;
}

/** A foto_sama flag whose other ticket the viewer may not open. */
export const HIDDEN_MATCH_TEXT = {
  id: 'Foto sama dengan foto laporan yang tidak dapat Anda buka',
  en: 'Same photo as in a report you cannot open',
};
