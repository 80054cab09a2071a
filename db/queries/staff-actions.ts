import { and, asc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '../connect';
import { agencies, type AgencyKind, type ReportStatus } from '../schema';
import { ACTION_EVENT, canAct, STAFF_ACTIONS, type StaffAction, type StaffUser, type TicketScope } from '@/lib/auth/permissions';
import { escalationStep, mayInstruct, mayReassignTo, mayRouteTo } from '@/lib/auth/supervision';
import { nextStatus } from '@/lib/reports/lifecycle';
import { escalationPlace, escalationRegion } from '@/lib/sla/escalate';

export interface ActionTarget {
  code: string;
  name: string;
  kind: AgencyKind;
}

export interface ActionChoice {
  action: StaffAction;
  /** The units (or kelurahan, by region code) the action may go to; null when it needs none. */
  targets: ActionTarget[] | null;
  /** Manual escalation: the unit it reaches. */
  reaches?: string;
}

export interface TicketForActions {
  report: { status: ReportStatus; kelurahanCode: string | null; kotaCode: string | null; handlingAgencyId: number | null; escalationLevel: number };
  scope: TicketScope;
}

const unit = { code: agencies.code, name: agencies.name, kind: agencies.kind, regionCode: agencies.regionCode, parentId: agencies.parentId, id: agencies.id };

/**
 * The actions `user` can take on this ticket now, each with the targets it may go to: role,
 * jurisdiction and the state machine as performStaffAction checks them, and only actions whose
 * targets are not empty (a Suku Dinas has no Suku Dinas to dispose to; a ticket escalated above a
 * camat cannot be escalated by them again).
 */
export async function findActionChoices(db: Db, user: StaffUser, ticket: TicketForActions): Promise<ActionChoice[]> {
  const { report, scope } = ticket;
  const allowed = STAFF_ACTIONS.filter((a) => canAct(user, a, scope) && nextStatus(report.status, ACTION_EVENT[a]) !== null);
  const needs = (...actions: StaffAction[]) => actions.some((a) => allowed.includes(a));
  const notHolder = report.handlingAgencyId === null ? undefined : ne(agencies.id, report.handlingAgencyId);
  const [agencyUnits, kelurahanOffices, instructable] = await Promise.all([
    needs('koordinasi', 'disposisi', 'tugaskan')
      ? db.select(unit).from(agencies).where(and(inArray(agencies.kind, ['dinas', 'bumd', 'eksternal', 'sudin']), notHolder)).orderBy(asc(agencies.name))
      : [],
    needs('alihkan')
      ? db.select(unit).from(agencies).where(and(eq(agencies.kind, 'kelurahan'), isNotNull(agencies.regionCode))).orderBy(asc(agencies.name))
      : [],
    needs('instruksi')
      ? db.select(unit).from(agencies).where(inArray(agencies.kind, ['kelurahan', 'kecamatan', 'sudin'])).orderBy(asc(agencies.kind), asc(agencies.name))
      : [],
  ]);
  const plain = (rows: (typeof agencyUnits)[number][]): ActionTarget[] => rows.map(({ code, name, kind }) => ({ code, name, kind }));
  const targetsFor: Partial<Record<StaffAction, ActionTarget[]>> = {
    koordinasi: plain(agencyUnits.filter((a) => a.kind !== 'sudin')),
    // a Dinas disposes to its own Suku Dinas in the ticket's kota
    disposisi: plain(agencyUnits.filter((a) => a.kind === 'sudin' && a.parentId === report.handlingAgencyId && (report.kotaCode === null || a.regionCode === report.kotaCode))),
    tugaskan: plain(agencyUnits.filter((a) => mayReassignTo(user, a) && a.regionCode === report.kotaCode)),
    // kelurahan by region code, the value the re-routing takes
    alihkan: kelurahanOffices
      .filter((k) => k.regionCode !== report.kelurahanCode && mayRouteTo(user, k.regionCode!))
      .map((k) => ({ code: k.regionCode!, name: k.name, kind: k.kind })),
    instruksi: plain(instructable.filter((a) => mayInstruct(user, a))),
  };
  const choices: ActionChoice[] = [];
  for (const action of allowed) {
    if (action === 'eskalasi') {
      const step = escalationStep(user.role, report.escalationLevel);
      if (step) choices.push({ action, targets: null, reaches: await escalationPlace(db, step.unit, escalationRegion(step.unit, ticket.scope)) });
      continue;
    }
    const targets = targetsFor[action] ?? null;
    if (targets === null || targets.length > 0) choices.push({ action, targets });
  }
  return choices;
}
