import { createHmac } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { agencies, auditLog, reports, skmPeriods, skmPeriodUnits, skmResponses, type AgencyKind } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/permissions';
import { wibDay } from '@/lib/reports/ticket-number';
import { serverSecret, trackingKeyMatches } from '@/lib/security/secret';
import { computeIkm, validAnswers, type IkmResult } from './ikm';
import { withoutNul, withoutNulFields } from '@/lib/intake/clean-text';

export class SkmError extends Error {
  constructor(public readonly code: keyof typeof SKM_MESSAGE) {
    super(code);
  }
}

export const SKM_MESSAGE = {
  tidak_berwenang: { id: 'Hanya admin yang dapat membuka periode survei.', en: 'Only admins open survey periods.' },
  periode_tidak_valid: { id: 'Periode tidak valid: isi nama, tanggal mulai dan selesai, dan pilih unit.', en: 'Invalid period: give a name, start and end dates, and choose units.' },
  unit_tidak_ada: { id: 'Unit layanan tidak ditemukan.', en: 'Service unit not found.' },
  tidak_ada_survei: { id: 'Tidak ada survei yang sedang dibuka untuk unit ini.', en: 'No survey is open for this unit.' },
  jawaban_tidak_valid: { id: 'Jawab kesembilan pertanyaan (nilai 1 sampai 4).', en: 'Answer all nine questions (1 to 4).' },
  kunci_salah: { id: 'Tautan laporan tidak valid.', en: 'Invalid report link.' },
  belum_selesai: { id: 'Survei dari laporan dapat diisi setelah laporan selesai.', en: 'The survey opens once the report is finished.' },
  sudah_diisi: { id: 'Survei untuk laporan ini sudah diisi.', en: 'The survey for this report was already answered.' },
} as const;

/** A sender answering the same unit again within this time is flagged. */
const REPEAT_WINDOW_MS = 24 * 3_600_000;
/** This many identical answer sets for one unit within ten minutes (before this one) flag the next. */
const BURST_SIZE = 3;
const BURST_WINDOW_MS = 10 * 60_000;

/** The quarter around a day: "Triwulan IV 2026", 2026-10-01 … 2026-12-31. */
export function quarterOf(now: Date): { name: string; startsOn: string; endsOn: string } {
  const [year, month] = wibDay(now).split('-').map(Number);
  const q = Math.floor((month - 1) / 3);
  const pad = (n: number) => String(n).padStart(2, '0');
  const endMonth = q * 3 + 3;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return { name: `Triwulan ${['I', 'II', 'III', 'IV'][q]} ${year}`, startsOn: `${year}-${pad(q * 3 + 1)}-01`, endsOn: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** A keyed hash of a sender's address, so that repeats can be seen without keeping the address. */
export function senderKeyOf(address: string): string {
  return createHmac('sha256', serverSecret()).update(`skm:${address}`).digest('hex').slice(0, 32);
}

export interface PeriodInput {
  name: string;
  startsOn: string;
  endsOn: string;
  minRespondents: number;
  unitKinds: AgencyKind[];
}

/** Admin opens a survey period for every unit of the chosen kinds (audited). */
export async function openPeriod(db: Db, actor: StaffUser, input: PeriodInput, now: Date): Promise<number> {
  if (actor.role !== 'admin') throw new SkmError('tidak_berwenang');
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!input.name.trim() || !day.test(input.startsOn) || !day.test(input.endsOn) || input.startsOn > input.endsOn || !input.unitKinds.length || input.minRespondents < 1) {
    throw new SkmError('periode_tidak_valid');
  }
  return db.transaction(async (tx) => {
    const [period] = await tx
      .insert(skmPeriods)
      .values({ name: input.name.trim(), startsOn: input.startsOn, endsOn: input.endsOn, minRespondents: input.minRespondents, createdAt: now })
      .returning({ id: skmPeriods.id });
    const units = await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.kind, input.unitKinds));
    if (!units.length) throw new SkmError('periode_tidak_valid');
    await tx.insert(skmPeriodUnits).values(units.map((u) => ({ periodId: period.id, agencyId: u.id })));
    await tx.insert(auditLog).values({ actorUserId: actor.id, action: 'skm.buka', targetType: 'skm_period', targetId: String(period.id), data: { ...input, units: units.length }, createdAt: now });
    return period.id;
  });
}

/** The survey period open today for a unit, if any. */
export async function openPeriodFor(db: Db, agencyId: number, now: Date) {
  const today = wibDay(now);
  const [period] = await db
    .select({ id: skmPeriods.id, name: skmPeriods.name, startsOn: skmPeriods.startsOn, endsOn: skmPeriods.endsOn })
    .from(skmPeriods)
    .innerJoin(skmPeriodUnits, eq(skmPeriodUnits.periodId, skmPeriods.id))
    .where(and(eq(skmPeriodUnits.agencyId, agencyId), lte(skmPeriods.startsOn, today), gte(skmPeriods.endsOn, today)))
    .orderBy(desc(skmPeriods.startsOn))
    .limit(1);
  return period ?? null;
}

export async function findUnit(db: Db, code: string) {
  code = withoutNul(code);
  const [unit] = await db.select({ id: agencies.id, code: agencies.code, name: agencies.name, kind: agencies.kind }).from(agencies).where(eq(agencies.code, code));
  return unit ?? null;
}

export interface ResponseInput {
  unitCode: string;
  answers: number[];
  ageGroup?: string | null;
  sex?: string | null;
  education?: string | null;
  occupation?: string | null;
  senderKey: string | null;
  /** Answered from a finished ticket's private link. */
  ticket?: { number: string; key: string } | null;
}

/**
 * Records one response. A ticket gives one response at most, to the unit that handled it; a
 * sender answering the same unit again within a day, or a fourth identical answer set within ten
 * minutes, is kept but flagged and not counted, so that no unit can stuff its own score.
 */
export async function submitResponse(db: Db, input: ResponseInput, now: Date): Promise<{ flagReason: string | null }> {
  input = { ...withoutNulFields(input), ticket: input.ticket && withoutNulFields(input.ticket) };
  if (!validAnswers(input.answers)) throw new SkmError('jawaban_tidak_valid');
  const unit = await findUnit(db, input.unitCode);
  if (!unit) throw new SkmError('unit_tidak_ada');
  const period = await openPeriodFor(db, unit.id, now);
  if (!period) throw new SkmError('tidak_ada_survei');
  return db.transaction(async (tx) => {
    let reportId: number | null = null;
    if (input.ticket) {
      const [r] = await tx
        .select({ id: reports.id, status: reports.status, hash: reports.trackingSecretHash, agencyId: reports.handlingAgencyId })
        .from(reports)
        .where(eq(reports.number, input.ticket.number))
        .for('update');
      if (!r || !trackingKeyMatches(input.ticket.key, r.hash) || r.agencyId !== unit.id) throw new SkmError('kunci_salah');
      if (r.status !== 'selesai') throw new SkmError('belum_selesai');
      const [answered] = await tx.select({ id: skmResponses.id }).from(skmResponses).where(eq(skmResponses.reportId, r.id));
      if (answered) throw new SkmError('sudah_diisi');
      reportId = r.id;
    }
    let flagReason: string | null = null;
    if (input.senderKey) {
      const [repeat] = await tx
        .select({ id: skmResponses.id })
        .from(skmResponses)
        .where(
          and(
            eq(skmResponses.agencyId, unit.id),
            eq(skmResponses.senderKey, input.senderKey),
            gte(skmResponses.createdAt, new Date(now.getTime() - REPEAT_WINDOW_MS)),
          ),
        )
        .limit(1);
      if (repeat) flagReason = 'pengirim_berulang';
    }
    if (!flagReason) {
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(skmResponses)
        .where(
          and(
            eq(skmResponses.agencyId, unit.id),
            gte(skmResponses.createdAt, new Date(now.getTime() - BURST_WINDOW_MS)),
            sql`${skmResponses.answers} = ${`{${input.answers.join(',')}}`}::smallint[]`,
          ),
        );
      if (n >= BURST_SIZE) flagReason = 'jawaban_kembar_beruntun';
    }
    await tx.insert(skmResponses).values({
      periodId: period.id,
      agencyId: unit.id,
      reportId,
      answers: input.answers,
      ageGroup: input.ageGroup ?? null,
      sex: input.sex ?? null,
      education: input.education ?? null,
      occupation: input.occupation ?? null,
      senderKey: input.senderKey,
      flagReason,
      createdAt: now,
    });
    return { flagReason };
  });
}

/**
 * The index of a unit's responses: flagged ones are kept but not counted. Below the period's
 * minimum of respondents only the count is published: no index, grade or element means, which
 * from a handful of answers say more about those people (a unit could read one resident's answers
 * off them) than about the service.
 */
function score(responses: { answers: number[]; flagReason: string | null }[], minRespondents: number) {
  const valid = responses.filter((r) => r.flagReason === null).map((r) => r.answers);
  const result = computeIkm(valid);
  const enough = result.respondents >= minRespondents;
  const flagged = responses.length - valid.length;
  return enough ? { ...result, flagged, enough } : { ...result, ikm: null, grade: null, elementMeans: [], flagged, enough };
}

export interface UnitPeriodResult extends IkmResult {
  periodId: number;
  periodName: string;
  startsOn: string;
  endsOn: string;
  minRespondents: number;
  /** Flagged responses, kept but not counted. */
  flagged: number;
  /** Enough respondents to publish: without, `ikm` and `grade` are null and `elementMeans` is empty. */
  enough: boolean;
}

/** A unit's results in every period it was surveyed, oldest first (its trend). */
export async function unitResults(db: Db, agencyId: number): Promise<UnitPeriodResult[]> {
  const periods = await db
    .select({ id: skmPeriods.id, name: skmPeriods.name, startsOn: skmPeriods.startsOn, endsOn: skmPeriods.endsOn, min: skmPeriods.minRespondents })
    .from(skmPeriods)
    .innerJoin(skmPeriodUnits, eq(skmPeriodUnits.periodId, skmPeriods.id))
    .where(eq(skmPeriodUnits.agencyId, agencyId))
    .orderBy(asc(skmPeriods.startsOn));
  const responses = await db
    .select({ periodId: skmResponses.periodId, answers: skmResponses.answers, flagReason: skmResponses.flagReason })
    .from(skmResponses)
    .where(eq(skmResponses.agencyId, agencyId));
  return periods.map((p) => {
    const result = score(responses.filter((r) => r.periodId === p.id), p.min);
    return {
      ...result,
      periodId: p.id,
      periodName: p.name,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      minRespondents: p.min,
    };
  });
}

export interface PeriodUnitRow extends IkmResult {
  code: string;
  name: string;
  kind: string;
  flagged: number;
  enough: boolean;
}

/** Every unit of a period with its index, best first (units without enough respondents last). */
export async function periodResults(db: Db, periodId: number): Promise<{ period: typeof skmPeriods.$inferSelect; units: PeriodUnitRow[] } | null> {
  const [period] = await db.select().from(skmPeriods).where(eq(skmPeriods.id, periodId));
  if (!period) return null;
  const units = await db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, kind: agencies.kind })
    .from(skmPeriodUnits)
    .innerJoin(agencies, eq(agencies.id, skmPeriodUnits.agencyId))
    .where(eq(skmPeriodUnits.periodId, periodId));
  const responses = await db
    .select({ agencyId: skmResponses.agencyId, answers: skmResponses.answers, flagReason: skmResponses.flagReason })
    .from(skmResponses)
    .where(eq(skmResponses.periodId, periodId));
  const rows = units.map((u) => ({
    ...score(responses.filter((r) => r.agencyId === u.id), period.minRespondents),
    code: u.code,
    name: u.name,
    kind: u.kind,
  }));
  rows.sort((a, b) => Number(b.enough) - Number(a.enough) || (b.ikm ?? -1) - (a.ikm ?? -1) || b.respondents - a.respondents || a.name.localeCompare(b.name));
  return { period, units: rows };
}

/** Survey periods, newest first. */
export async function listPeriods(db: Db) {
  return db.select().from(skmPeriods).orderBy(desc(skmPeriods.startsOn), desc(skmPeriods.id));
}

/** The unit a finished ticket's reporter may rate now: its handler, when surveyed and not yet rated from this ticket. */
export async function surveyForTicket(db: Db, number: string, now: Date): Promise<{ code: string; name: string } | null> {
  const [row] = await db
    .select({ reportId: reports.id, agencyId: agencies.id, code: agencies.code, name: agencies.name })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.handlingAgencyId))
    .where(eq(reports.number, number));
  if (!row || !(await openPeriodFor(db, row.agencyId, now))) return null;
  const [answered] = await db.select({ id: skmResponses.id }).from(skmResponses).where(eq(skmResponses.reportId, row.reportId));
  return answered ? null : { code: row.code, name: row.name };
}
