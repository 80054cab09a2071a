import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { auditLog } from '@/db/schema';
import type { StaffAction } from '@/lib/auth/permissions';

/**
 * Whether this official's action took the ticket from `version` to the next (its audit row says
 * so): a resent follow-up whose first send arrived but whose answer was lost meets "version
 * changed", and this tells that apart from a change by someone else. Only one action can take a
 * ticket from a version to the next, so the answer is exact.
 */
export async function didOwnActionFrom(db: Db, input: { userId: number; number: string; action: StaffAction; version: number }): Promise<boolean> {
  const rows = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.targetType, 'report'),
        eq(auditLog.targetId, input.number),
        eq(auditLog.actorUserId, input.userId),
        eq(auditLog.action, `laporan.${input.action}`),
        sql`${auditLog.data}->>'version' = ${String(input.version + 1)}`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}
