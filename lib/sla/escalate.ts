import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { enqueueNotification } from '@/db/queries/outbox';
import { loadSlaSettings } from '@/db/queries/sla';
import { regions, reportEvents, reports, users } from '@/db/schema';
import { publishReportChanges } from '@/lib/cache/signal';
import { startLoop } from '@/lib/jobs/loop';
import { shortRegionName } from '@/lib/regions/names';
import { nextStatus, OPEN_STATUSES } from '@/lib/reports/lifecycle';
import { ESCALATION_LADDER, escalationLevelAt, type EscalationLevel } from './policy';
import { logError } from '@/lib/security/log-error';
import { runSlaWarningsOnce } from '@/lib/push/sla-warnings';

export interface EscalationRunResult {
  /** Tickets that climbed at least one step in this run. */
  escalated: number;
  /** Ladder steps written (a ticket found far overdue climbs several steps, one event each). */
  steps: number;
}

/** Escalation is a public timeline event: every app instance drops the tickets' cached pages. */
const announceFromWorker = (tx: Db, numbers: string[]) => publishReportChanges(tx, numbers, null);

const UNIT_LABEL: Record<(typeof ESCALATION_LADDER)[number], string> = {
  kelurahan: 'Kelurahan',
  kecamatan: 'Kecamatan',
  walikota: 'Walikota',
  balaikota: 'Balai Kota',
};

/**
 * One pass of the escalation ladder: open tickets past their deadline (the estimated date when
 * one was set) climb kelurahan → kecamatan → walikota → Balai Kota, one step per step of overdue
 * service time, each step written as a public timeline event and announced to the officials of
 * the unit it reaches. Rows are claimed with SKIP LOCKED and the level only ever rises, so
 * several workers never write a step twice.
 */
export async function runEscalationOnce(db: Db, now: Date, batch = 200): Promise<EscalationRunResult> {
  const settings = await loadSlaSettings(db);
  // When the next step can be due at the earliest (calendar time is never less than service time),
  // so a run only looks at tickets that may climb now, soonest first.
  const nextStep = sql`coalesce(${reports.estimatedCompletionAt}, ${reports.dueAt}) + ${reports.escalationLevel} * ${settings.minEscalationStepHours} * interval '1 hour'`;
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: reports.id,
        number: reports.number,
        status: reports.status,
        categoryCode: reports.categoryCode,
        level: reports.escalationLevel,
        dueAt: reports.dueAt,
        estimatedCompletionAt: reports.estimatedCompletionAt,
        kecamatanCode: reports.kecamatanCode,
        kotaCode: reports.kotaCode,
      })
      .from(reports)
      .where(
        and(
          inArray(reports.status, OPEN_STATUSES),
          lt(reports.escalationLevel, 3),
          lt(nextStep, sql`${now.toISOString()}::timestamptz`),
          eq(reports.isConfidential, false),
        ),
      )
      .orderBy(asc(nextStep))
      .limit(batch)
      .for('update', { skipLocked: true });

    // Names and officials of the units reached, read once per run however many tickets climb.
    const places = new Map<string, string>();
    const placeOf = async (unit: EscalationUnit, regionCode: string | null) => {
      const key = `${unit}|${regionCode}`;
      if (!places.has(key)) places.set(key, await escalationPlace(tx, unit, regionCode));
      return places.get(key)!;
    };
    const officials = new Map<string, string[]>();
    const officialsOf = async (unit: EscalationUnit, regionCode: string | null) => {
      const key = `${unit}|${regionCode}`;
      if (!officials.has(key)) officials.set(key, await escalationOfficials(tx, unit, regionCode));
      return officials.get(key)!;
    };

    let escalated = 0;
    let steps = 0;
    const changed: string[] = [];
    for (const r of due) {
      const deadline = r.estimatedCompletionAt ?? r.dueAt!;
      const target = escalationLevelAt(deadline, now, settings.policyFor(r.categoryCode), settings.holidays);
      // the same pure state machine as every other event: escalation keeps an open ticket's status
      if (target <= r.level || nextStatus(r.status, 'eskalasi') !== r.status) continue;
      for (let level = (r.level + 1) as EscalationLevel; level <= target; level++) {
        const unit = ESCALATION_LADDER[level];
        const regionCode = escalationRegion(unit, r);
        const where = await placeOf(unit, regionCode);
        await tx.insert(reportEvents).values({
          reportId: r.id,
          type: 'eskalasi',
          fromStatus: r.status,
          toStatus: r.status,
          actorLabel: 'sistem',
          body: `Melewati batas waktu; dieskalasi ke ${where}.`,
          data: { level, unit },
          createdAt: now,
        });
        for (const email of await officialsOf(unit, regionCode)) {
          await enqueueNotification(tx, {
            kind: 'email',
            recipient: email,
            subject: `Eskalasi: laporan ${r.number} melewati batas waktu`,
            body: `Laporan ${r.number} melewati batas waktu penanganan dan dieskalasi ke ${where}.`,
            reportId: r.id,
          });
        }
        steps++;
      }
      // not the unit's activity: lastActivityAt stays, so a silent ticket still turns red
      await tx.update(reports).set({ escalationLevel: target }).where(eq(reports.id, r.id));
      escalated++;
      changed.push(r.number);
    }
    // sent on commit, so no instance re-renders a page before the events are visible
    await announceFromWorker(tx, changed);
    return { escalated, steps };
  });
}

type EscalationUnit = (typeof ESCALATION_LADDER)[number];

/** The region whose office a ladder step reaches for a ticket (none for the kelurahan and Balai Kota steps). */
export function escalationRegion(unit: EscalationUnit, r: { kecamatanCode: string | null; kotaCode: string | null }): string | null {
  return unit === 'kecamatan' ? r.kecamatanCode : unit === 'walikota' ? r.kotaCode : null;
}

/** The unit a ladder step reaches, by name: "Kecamatan Gambir", "Walikota Jakarta Pusat", "Balai Kota". */
export async function escalationPlace(tx: Db, unit: EscalationUnit, regionCode: string | null): Promise<string> {
  if (!regionCode) return UNIT_LABEL[unit];
  const [region] = await tx.select({ name: regions.name }).from(regions).where(eq(regions.code, regionCode));
  return region ? `${UNIT_LABEL[unit]} ${shortRegionName(region.name)}` : UNIT_LABEL[unit];
}

/** The e-mail addresses of the active officials a ladder step reaches (admins for Balai Kota). */
export async function escalationOfficials(tx: Db, unit: EscalationUnit, regionCode: string | null): Promise<string[]> {
  const rows = await tx
    .select({ email: users.email })
    .from(users)
    .where(
      and(
        eq(users.isActive, true),
        unit === 'balaikota' ? eq(users.role, 'admin') : and(eq(users.role, unit === 'kecamatan' ? 'camat' : 'walikota'), eq(users.regionCode, regionCode ?? '')),
      ),
    );
  return rows.map((u) => u.email);
}

/** Climbs the ladder every `intervalMs` until stopped; returns the function that stops it. */
export function startEscalationWorker(
  db: Db,
  options: { intervalMs?: number; batch?: number; onRun?: (result: EscalationRunResult) => void; onError?: (error: unknown) => void } = {},
): () => Promise<void> {
  const { intervalMs = 60_000, batch = 200, onRun, onError = (error) => logError('[eskalasi] run failed:', error) } = options;
  return startLoop(
    async () => {
      const result = await runEscalationOnce(db, new Date(), batch);
      if (result.escalated > 0) onRun?.(result);
      // before the ladder: officials who asked for it get a push shortly before a deadline
      await runSlaWarningsOnce(db, new Date(), batch);
      return result.escalated >= batch;
    },
    { intervalMs, onError },
  );
}
