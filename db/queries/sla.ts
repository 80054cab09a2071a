import type { Db } from '../connect';
import { holidays, slaPolicies } from '../schema';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '@/lib/sla/policy';

export interface SlaSettings {
  /** The policy of a category: its own override, else the city-wide default. */
  policyFor(categoryCode: string): SlaPolicy;
  holidays: ReadonlySet<string>;
  /** The shortest escalation step of any policy. */
  minEscalationStepHours: number;
}

const toPolicy = (row: typeof slaPolicies.$inferSelect): SlaPolicy => ({
  firstResponseHours: row.firstResponseHours,
  followUpHours: row.followUpHours,
  silenceRedHours: row.silenceRedHours,
  escalationStepHours: row.escalationStepHours,
  calendar: row.calendar,
});

/** Every SLA policy and public holiday (small tables, read whole). */
export async function loadSlaSettings(db: Db): Promise<SlaSettings> {
  const [policies, days] = await Promise.all([db.select().from(slaPolicies), db.select({ day: holidays.day }).from(holidays)]);
  const fallback = policies.find((p) => p.categoryCode === null);
  const base = fallback ? toPolicy(fallback) : DEFAULT_SLA_POLICY;
  const byCategory = new Map(policies.filter((p) => p.categoryCode !== null).map((p) => [p.categoryCode!, toPolicy(p)]));
  return {
    policyFor: (categoryCode) => byCategory.get(categoryCode) ?? base,
    holidays: new Set(days.map((d) => d.day)),
    minEscalationStepHours: Math.min(base.escalationStepHours, ...[...byCategory.values()].map((p) => p.escalationStepHours)),
  };
}
