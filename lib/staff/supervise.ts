import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { enqueueNotification } from '@/db/queries/outbox';
import { agencies, instructions, reports, users } from '@/db/schema';
import type { StaffAction, StaffUser } from '@/lib/auth/permissions';
import { escalationStep, isValidInstructionDeadline, mayInstruct, mayReassignTo } from '@/lib/auth/supervision';
import { formatWib } from '@/lib/format';
import { escalationOfficials, escalationPlace, escalationRegion } from '@/lib/sla/escalate';
import { StaffError } from './errors';

/*
 * The supervisors' levers (instruksi, eskalasi, tugaskan) inside performStaffAction's
 * transaction: each checks its target against lib/auth/supervision and says what to change on the
 * ticket, what its timeline event carries and what to write once the event exists.
 */

type Report = typeof reports.$inferSelect;

export interface SupervisorStep {
  change: Partial<typeof reports.$inferInsert>;
  /** Event and audit data (staff only: the public projection never shows it). */
  data: Record<string, unknown>;
  /** The event's public text. */
  body: string | null;
  /** Runs after the event is written, in the same transaction. */
  after: (tx: Db, eventId: number) => Promise<void>;
}

export interface SupervisorInput {
  body?: string | null;
  targetAgencyCode?: string | null;
  dueAt?: Date | null;
}

/** Supervisor actions are not the handling unit's activity: they leave its silence clock alone. */
export const SUPERVISOR_ACTIONS: readonly StaffAction[] = ['instruksi', 'eskalasi'];

const unitName = async (tx: Db, user: StaffUser) =>
  (user.agencyId ? (await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, user.agencyId)))[0]?.name : null) ?? 'Pimpinan wilayah';

const targetUnit = async (tx: Db, code: string | null | undefined) =>
  code ? (await tx.select().from(agencies).where(eq(agencies.code, code)))[0] : undefined;

/** An instruction to a unit below: the target and deadline are checked; the unit's officials are told. */
export async function planInstruction(tx: Db, user: StaffUser, r: Report, input: SupervisorInput, now: Date): Promise<SupervisorStep> {
  const note = input.body?.trim();
  if (!note) throw new StaffError('keterangan_wajib');
  const target = await targetUnit(tx, input.targetAgencyCode);
  if (!target || !mayInstruct(user, target)) throw new StaffError('instansi_tidak_valid');
  const dueAt = input.dueAt;
  if (!dueAt || !isValidInstructionDeadline(dueAt, now)) throw new StaffError('batas_waktu_tidak_valid');
  const from = await unitName(tx, user);
  const deadline = formatWib(dueAt, 'id');
  return {
    change: {},
    data: { to: target.code, dueAt: dueAt.toISOString(), note },
    // the public learns that the ticket was pushed, to whom and by when; the instruction's words stay internal
    body: `${from} menginstruksikan ${target.name} menindaklanjuti laporan ini paling lambat ${deadline}.`,
    after: async (tx, eventId) => {
      await tx.insert(instructions).values({ reportId: r.id, eventId, fromUserId: user.id, fromAgencyId: user.agencyId, toAgencyId: target.id, body: note, dueAt, createdAt: now });
      const officials = await tx.select({ email: users.email }).from(users).where(and(eq(users.agencyId, target.id), eq(users.isActive, true)));
      for (const { email } of officials) {
        await enqueueNotification(tx, {
          kind: 'email',
          recipient: email,
          subject: `Instruksi: laporan ${r.number}, batas ${deadline}`,
          body: `${from} menginstruksikan ${target.name} menindaklanjuti laporan ${r.number} paling lambat ${deadline}:\n\n"${note}"`,
          reportId: r.id,
        });
      }
    },
  };
}

/** Manual escalation one step above the official, as the automatic ladder writes it (event 'eskalasi'). */
export async function planEscalation(tx: Db, user: StaffUser, r: Report, input: SupervisorInput): Promise<SupervisorStep> {
  const note = input.body?.trim();
  if (!note) throw new StaffError('keterangan_wajib');
  const step = escalationStep(user.role, r.escalationLevel);
  if (!step) throw new StaffError('sudah_dieskalasi');
  const regionCode = escalationRegion(step.unit, r);
  const [place, from] = await Promise.all([escalationPlace(tx, step.unit, regionCode), unitName(tx, user)]);
  return {
    change: { escalationLevel: step.level },
    data: { level: step.level, unit: step.unit, manual: true, note },
    body: `Dieskalasi ke ${place} oleh ${from}.`,
    after: async (tx) => {
      for (const email of await escalationOfficials(tx, step.unit, regionCode)) {
        await enqueueNotification(tx, {
          kind: 'email',
          recipient: email,
          subject: `Eskalasi: laporan ${r.number} dari ${from}`,
          body: `${from} mengeskalasi laporan ${r.number} ke ${place}:\n\n"${note}"`,
          reportId: r.id,
        });
      }
    },
  };
}

/** A supervisor hands the ticket to a Suku Dinas of their kota (a coordination: status Koordinasi). */
export async function planReassignment(tx: Db, user: StaffUser, r: Report, input: SupervisorInput): Promise<SupervisorStep> {
  const target = await targetUnit(tx, input.targetAgencyCode);
  if (!target || !mayReassignTo(user, target) || target.regionCode !== r.kotaCode || target.id === r.handlingAgencyId) {
    throw new StaffError('instansi_tidak_valid');
  }
  return {
    change: { handlingAgencyId: target.id },
    data: { to: target.code, reassigned: true },
    body: input.body?.trim() || null,
    after: async () => {},
  };
}

/**
 * Ends the ticket's open instructions after an event: carried out when the follow-up is reported
 * or the ticket is rejected; moved ("dialihkan") for those addressed to the unit that held the
 * ticket when it passes to another unit.
 */
export async function settleInstructions(tx: Db, r: Report, action: StaffAction, newHolderId: number | null | undefined, eventId: number, now: Date) {
  const open = and(eq(instructions.reportId, r.id), isNull(instructions.closedAt));
  if (action === 'tindak_lanjut' || action === 'tolak') {
    await tx.update(instructions).set({ closedAt: now, outcome: 'dilaksanakan', closedEventId: eventId }).where(open);
  } else if (newHolderId !== undefined && newHolderId !== r.handlingAgencyId && r.handlingAgencyId !== null) {
    await tx
      .update(instructions)
      .set({ closedAt: now, outcome: 'dialihkan', closedEventId: eventId })
      .where(and(open, eq(instructions.toAgencyId, r.handlingAgencyId)));
  }
}

/** The units ever instructed on a ticket: their officials may open it (canView). */
export async function instructedAgencyIds(tx: Db, reportId: number): Promise<number[]> {
  const rows = await tx.selectDistinct({ id: instructions.toAgencyId }).from(instructions).where(eq(instructions.reportId, reportId));
  return rows.map((row) => row.id);
}
