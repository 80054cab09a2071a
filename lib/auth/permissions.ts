import type { attachmentKind, EventType, ReportStatus, UserRole } from '@/db/schema';

/** What staff can do to a ticket. Each maps to one timeline event type. */
export const STAFF_ACTIONS = [
  'terima', // accept and work it → proses
  'koordinasi', // coordinate to another agency
  'disposisi', // Dinas → its Suku Dinas
  'alihkan', // send to the right kelurahan
  'estimasi', // set an estimated completion date
  'tanggapan', // public response
  'catatan', // internal note
  'tindak_lanjut', // follow-up with after-photos → menunggu_validasi
  'validasi_terima', // validator accepts → selesai
  'validasi_tolak', // validator rejects ("TL ditolak") → proses
  'tolak', // reject the ticket (duplicate, not within authority, invalid)
  'instruksi', // a supervisor instructs a unit below them, with a deadline
  'eskalasi', // a supervisor escalates one step up the ladder
  'tugaskan', // a supervisor reassigns the ticket to a Suku Dinas of their kota
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** The timeline event each staff action writes (and so the transition it must pass). */
export const ACTION_EVENT: Record<StaffAction, EventType> = {
  terima: 'diterima',
  koordinasi: 'koordinasi',
  disposisi: 'disposisi',
  alihkan: 'dialihkan',
  estimasi: 'estimasi',
  tanggapan: 'tanggapan',
  catatan: 'catatan',
  tindak_lanjut: 'tindak_lanjut',
  validasi_terima: 'validasi_diterima',
  validasi_tolak: 'validasi_ditolak',
  tolak: 'ditolak',
  instruksi: 'instruksi',
  eskalasi: 'eskalasi',
  // handing a ticket to a Suku Dinas is a coordination, whoever does it (public chain included)
  tugaskan: 'koordinasi',
};

/** The one permission table: which role may do what (jurisdiction is checked separately). */
export const ROLE_PERMISSIONS: Record<UserRole, readonly StaffAction[]> = {
  admin: ['catatan'],
  operator: ['alihkan', 'catatan'],
  lurah: ['terima', 'koordinasi', 'alihkan', 'estimasi', 'tanggapan', 'catatan', 'tindak_lanjut', 'tolak'],
  camat: ['alihkan', 'instruksi', 'eskalasi', 'tugaskan', 'tanggapan', 'catatan'],
  walikota: ['alihkan', 'instruksi', 'eskalasi', 'tugaskan', 'tanggapan', 'catatan'],
  agency: ['terima', 'koordinasi', 'disposisi', 'estimasi', 'tanggapan', 'catatan', 'tindak_lanjut', 'tolak'],
  validator: ['validasi_terima', 'validasi_tolak', 'catatan'],
  inspektorat: ['terima', 'estimasi', 'tanggapan', 'catatan', 'tindak_lanjut', 'validasi_terima', 'validasi_tolak', 'tolak'],
};

/** Roles that may see the reporter's name and contact. */
export const SEES_REPORTER: readonly UserRole[] = ['lurah', 'agency', 'inspektorat', 'operator', 'admin'];

/**
 * Actions that change who works the ticket or its handling: only the unit currently holding
 * it may take them. Supervisors (camat, walikota) and validators act without holding it.
 */
export const HOLDER_ONLY: readonly StaffAction[] = ['terima', 'koordinasi', 'disposisi', 'estimasi', 'tindak_lanjut', 'tolak'];

/** Actions that move a ticket away or close it: the form preselects no target and asks for confirmation. */
export const NEEDS_CONFIRMATION: readonly StaffAction[] = ['alihkan', 'tolak', 'tugaskan'];

/**
 * What an official of a unit that was instructed on a ticket outside its own jurisdiction (a
 * Suku Dinas asked to help a kelurahan, say) may do there: answer in writing. Handling the
 * ticket stays with whoever holds it.
 */
export const INSTRUCTED_ONLY: readonly StaffAction[] = ['tanggapan', 'catatan'];

export interface StaffUser {
  id: number;
  role: UserRole;
  /** Kelurahan, kecamatan or kota code for regional roles; an optional kota for agency staff. */
  regionCode: string | null;
  agencyId: number | null;
  /** The Dinas above a Suku Dinas user's unit, when there is one. */
  agencyParentId: number | null;
}

export interface TicketScope {
  kelurahanCode: string | null;
  kecamatanCode: string | null;
  kotaCode: string | null;
  handlingAgencyId: number | null;
  /** The handling unit's parent (a Suku Dinas's Dinas). */
  handlingAgencyParentId: number | null;
  /** Units ever instructed on this ticket (they may open it); unknown = none. */
  instructedAgencyIds?: readonly number[];
  isConfidential: boolean;
  status: ReportStatus;
}

/** Whether the user may open the ticket at all: by jurisdiction, or because their unit was instructed on it. */
export function canView(user: StaffUser, t: TicketScope): boolean {
  return viewsByJurisdiction(user, t) || isInstructed(user, t);
}

/** An official of a unit instructed on a (non-confidential) ticket. */
export function isInstructed(user: StaffUser, t: TicketScope): boolean {
  if (t.isConfidential || user.agencyId === null || user.role === 'inspektorat') return false;
  return t.instructedAgencyIds?.includes(user.agencyId) ?? false;
}

/** Whether the ticket lies inside the user's own jurisdiction (region, or the unit holding it). */
export function viewsByJurisdiction(user: StaffUser, t: TicketScope): boolean {
  if (t.isConfidential) return user.role === 'inspektorat';
  switch (user.role) {
    case 'admin':
    case 'operator':
    case 'validator':
      return true;
    case 'inspektorat':
      return false;
    case 'lurah':
      return t.kelurahanCode !== null && t.kelurahanCode === user.regionCode;
    case 'camat':
      return t.kecamatanCode !== null && t.kecamatanCode === user.regionCode;
    case 'walikota':
      return t.kotaCode !== null && t.kotaCode === user.regionCode;
    case 'agency': {
      const mine = t.handlingAgencyId === user.agencyId || (user.agencyId !== null && t.handlingAgencyParentId === user.agencyId);
      return mine && (user.regionCode === null || t.kotaCode === user.regionCode);
    }
    default:
      return user.role satisfies never;
  }
}

/** Whether the user holds the ticket (their unit is the handling unit). */
export function holdsTicket(user: StaffUser, t: TicketScope): boolean {
  return user.agencyId !== null && t.handlingAgencyId === user.agencyId;
}

/** Role, jurisdiction and holding together: may this user take this action on this ticket? */
export function canAct(user: StaffUser, action: StaffAction, t: TicketScope): boolean {
  if (!ROLE_PERMISSIONS[user.role].includes(action)) return false;
  if (!viewsByJurisdiction(user, t)) return isInstructed(user, t) && INSTRUCTED_ONLY.includes(action);
  if (HOLDER_ONLY.includes(action) && !holdsTicket(user, t)) return false;
  return true;
}

/**
 * Moderation of what the public sees of a ticket (FixMyStreet's model). Every action writes a
 * 'moderasi' event; the ticket's status never changes and the original stays for staff.
 */
export const MODERATION_ACTIONS = [
  'sunting_teks', // replace the public text
  'sembunyikan_teks', // hide the public text (and address) altogether
  'pulihkan_teks', // show the text as filed again
  'sembunyikan_foto', // hide a photo from the public
  'tampilkan_foto', // show a hidden photo again
  'foto_publik', // an official's after-photo of a private report may be public
  'foto_tidak_publik', // ... or may not
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const PUBLISHABLE_TOGGLE: readonly ModerationAction[] = ['foto_publik', 'foto_tidak_publik'];

/**
 * Who may moderate. Admin, operator and validator moderate any ticket they may open. The units
 * that handle tickets (lurah, agency) may only say whether their own after-photos of a private
 * report are public. Supervisors do not moderate; Inspektorat's tickets are never public.
 */
export const MODERATION_PERMISSIONS: Record<UserRole, readonly ModerationAction[]> = {
  admin: MODERATION_ACTIONS,
  operator: MODERATION_ACTIONS,
  validator: MODERATION_ACTIONS,
  lurah: PUBLISHABLE_TOGGLE,
  agency: PUBLISHABLE_TOGGLE,
  camat: [],
  walikota: [],
  inspektorat: [],
};

/** Roles that moderate on any ticket they may view; the others only their own unit's after-photos. */
export const MODERATES_ANY_TICKET: readonly UserRole[] = ['admin', 'operator', 'validator'];

/** The photo a moderation action is about: its kind, and the unit whose event added it. */
export interface PhotoScope {
  kind: (typeof attachmentKind.enumValues)[number];
  authorAgencyId: number | null;
}

/**
 * Role, jurisdiction and (for handling units) ownership together: may this user take this
 * moderation action on this ticket, or on this photo of it?
 */
export function canModerate(user: StaffUser, action: ModerationAction, t: TicketScope, photo?: PhotoScope): boolean {
  if (!MODERATION_PERMISSIONS[user.role].includes(action)) return false;
  if (!canView(user, t)) return false;
  if (MODERATES_ANY_TICKET.includes(user.role)) return true;
  // a handling unit: only a ticket it holds, only an after-photo its own unit posted
  if (!holdsTicket(user, t)) return false;
  if (!photo) return true;
  return photo.kind === 'sesudah' && photo.authorAgencyId !== null && photo.authorAgencyId === user.agencyId;
}
