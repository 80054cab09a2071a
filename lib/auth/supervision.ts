import type { AgencyKind, UserRole } from '@/db/schema';
import { ESCALATION_LADDER, type EscalationLevel } from '@/lib/sla/policy';
import type { StaffUser } from './permissions';

/**
 * The levers of the officials above the kelurahan (camat, walikota) over their area: whom they
 * may instruct, where they may move a ticket, and how far up they may escalate it. Pure rules
 * over region codes (kota 31.71, kecamatan 31.71.01, kelurahan 31.71.01.1001); canAct still
 * decides whether the official may touch the ticket at all.
 */

/** A unit (agency) as these rules see it: its kind and the region it serves. */
export interface UnitRef {
  kind: AgencyKind;
  regionCode: string | null;
}

type Supervisor = Pick<StaffUser, 'role' | 'regionCode'>;

const LEVEL_PARTS: Partial<Record<UserRole, number>> = { camat: 3, walikota: 2 };

/** The official's own area when they supervise one (a camat's kecamatan, a walikota's kota). */
function areaOf(user: Supervisor): string | null {
  const parts = LEVEL_PARTS[user.role];
  return parts !== undefined && user.regionCode?.split('.').length === parts ? user.regionCode : null;
}

/** Whether `code` lies strictly inside `area` (a kelurahan in a kecamatan, a kecamatan in a kota). */
function inside(code: string | null, area: string | null): boolean {
  return code !== null && area !== null && code.startsWith(`${area}.`);
}

/** The kota of a region code. */
export const kotaOf = (code: string) => code.split('.').slice(0, 2).join('.');

/**
 * Whom an official may instruct ("disposisi" down the hierarchy): a camat the kelurahan of their
 * kecamatan; a walikota the kelurahan and kecamatan of their kota and the Suku Dinas in it.
 */
export function mayInstruct(user: Supervisor, unit: UnitRef): boolean {
  const area = areaOf(user);
  switch (user.role) {
    case 'camat':
      return unit.kind === 'kelurahan' && inside(unit.regionCode, area);
    case 'walikota':
      return ((unit.kind === 'kelurahan' || unit.kind === 'kecamatan') && inside(unit.regionCode, area)) || (unit.kind === 'sudin' && area !== null && unit.regionCode === area);
    default:
      return false;
  }
}

/** Where a supervisor may reassign a ticket besides another kelurahan: a Suku Dinas of their kota. */
export function mayReassignTo(user: Supervisor, unit: UnitRef): boolean {
  const area = areaOf(user);
  return area !== null && unit.kind === 'sudin' && unit.regionCode === kotaOf(area);
}

/**
 * To which kelurahan an official may re-route a ticket ("alihkan"). The lurah and the desk
 * operator send a misplaced report to the kelurahan where it belongs, wherever that is; a
 * camat or walikota moves tickets only inside their own area.
 */
export function mayRouteTo(user: Supervisor, kelurahanCode: string): boolean {
  switch (user.role) {
    case 'lurah':
    case 'operator':
      return true;
    case 'camat':
    case 'walikota':
      return inside(kelurahanCode, areaOf(user));
    default:
      return false;
  }
}

/** The step of the ladder (SPEC §5) each supervisor stands on. */
const OWN_LEVEL: Partial<Record<UserRole, EscalationLevel>> = { camat: 1, walikota: 2 };

/**
 * Manual escalation: a supervisor hands a ticket one step above themselves (camat → walikota,
 * walikota → Balai Kota), unless it already climbed that far. Null when they may not.
 */
export function escalationStep(role: UserRole, currentLevel: number): { level: EscalationLevel; unit: (typeof ESCALATION_LADDER)[number] } | null {
  const own = OWN_LEVEL[role];
  if (own === undefined || currentLevel > own) return null;
  const level = (own + 1) as EscalationLevel;
  return { level, unit: ESCALATION_LADDER[level] };
}

/** Instruction deadlines: later than now, at most this many days ahead. */
export const INSTRUCTION_MAX_DAYS = 30;

export function isValidInstructionDeadline(dueAt: Date, now: Date): boolean {
  const ms = dueAt.getTime() - now.getTime();
  return ms > 0 && ms <= INSTRUCTION_MAX_DAYS * 86_400_000;
}

export type InstructionState = 'terbuka' | 'terlambat' | 'tepat_waktu' | 'lewat_batas' | 'dialihkan';

/**
 * Where an instruction stands: open (still in time, or late), carried out in time or after its
 * deadline, or moved away from the unit before it was carried out.
 */
export function instructionState(i: { dueAt: Date; closedAt: Date | null; outcome: 'dilaksanakan' | 'dialihkan' | null }, now: Date): InstructionState {
  if (i.closedAt === null) return now.getTime() > i.dueAt.getTime() ? 'terlambat' : 'terbuka';
  if (i.outcome === 'dialihkan') return 'dialihkan';
  return i.closedAt.getTime() <= i.dueAt.getTime() ? 'tepat_waktu' : 'lewat_batas';
}
