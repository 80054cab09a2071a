import { and, count, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/connect';
import { hasPushSubscription, removePushSubscription, savePushSubscription, type PushOwner } from '@/db/queries/push-subscriptions';
import { pushSubscriptions, reports } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/permissions';
import { trackingKeyMatches } from '@/lib/security/secret';
import { STAFF_PUSH_ROLES } from './queue';
import { pushLanguage, pushSubscriptionSchema } from './subscription';

/**
 * Opting in and out of push, for a citizen's report or an official's unit. The route handlers
 * prove the owner (citizenPushOwner, staffPushOwner) and pass the request body here.
 */

/** A report's subscriptions (browsers) and an official's, at most: a key holder cannot fill the table. */
export const MAX_SUBSCRIPTIONS_PER_OWNER = 10;

export function pushRequestSchema(allowLoopback = false) {
  const endpoint = z.string().min(1).max(1000);
  return z.discriminatedUnion('aksi', [
    z.object({ aksi: z.literal('daftar'), langganan: pushSubscriptionSchema(allowLoopback), bahasa: z.string().max(5).optional() }),
    z.object({ aksi: z.literal('berhenti'), endpoint }),
    z.object({ aksi: z.literal('status'), endpoint }),
  ]);
}

export type PushRequest = z.infer<ReturnType<typeof pushRequestSchema>>;

export type PushResult =
  | { ok: true; isSubscribed: boolean; /** after berhenti: the browser's subscription still serves another owner */ isStillUsed?: boolean }
  | { ok: false; error: 'terlalu_banyak' };

export async function applyPushRequest(db: Db, owner: PushOwner, request: PushRequest, now: Date): Promise<PushResult> {
  switch (request.aksi) {
    case 'daftar': {
      const ownedBy = 'reportId' in owner ? eq(pushSubscriptions.reportId, owner.reportId) : eq(pushSubscriptions.userId, owner.userId);
      const [others] = await db
        .select({ n: count() })
        .from(pushSubscriptions)
        .where(and(ownedBy, ne(pushSubscriptions.endpoint, request.langganan.endpoint)));
      if (others.n >= MAX_SUBSCRIPTIONS_PER_OWNER) return { ok: false, error: 'terlalu_banyak' };
      await savePushSubscription(db, owner, request.langganan, pushLanguage(request.bahasa), now);
      return { ok: true, isSubscribed: true };
    }
    case 'berhenti': {
      const { isStillUsed } = await removePushSubscription(db, owner, request.endpoint);
      return { ok: true, isSubscribed: false, isStillUsed };
    }
    case 'status':
      return { ok: true, isSubscribed: await hasPushSubscription(db, owner, request.endpoint) };
    default:
      return request satisfies never;
  }
}

/** The report a tracking key opens, as a push owner; null for a wrong number or key. */
export async function citizenPushOwner(db: Db, number: string, key: string): Promise<PushOwner | null> {
  const [row] = await db.select({ id: reports.id, hash: reports.trackingSecretHash }).from(reports).where(eq(reports.number, number));
  return row && trackingKeyMatches(key, row.hash) ? { reportId: row.id } : null;
}

/**
 * An official as a push owner: one whose unit has a queue of its own (lurah, camat, walikota,
 * agency staff, Inspektorat) and who belongs to a unit. Admins, operators and validators hold no
 * tickets, so there is nothing "in their queue" to announce. Pure.
 */
export function staffPushOwner(user: Pick<StaffUser, 'id' | 'role' | 'agencyId'>): PushOwner | null {
  return STAFF_PUSH_ROLES.includes(user.role) && user.agencyId !== null ? { userId: user.id } : null;
}
