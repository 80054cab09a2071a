import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { currentStaff } from '@/lib/auth/session';
import { handlePushRequest } from '@/lib/push/http';
import { staffPushOwner } from '@/lib/push/opt-in';
import { vapidKeys } from '@/lib/push/vapid';

/**
 * POST /api/petugas/push — the signed-in official's push subscription for their unit's new tickets
 * and tickets about to pass a deadline. The session, role and unit are checked here, not in the
 * proxy; which tickets reach them is decided when a push is queued (lib/push/queue.ts, canView).
 */
export async function POST(request: NextRequest) {
  const db = getDb();
  return handlePushRequest(db, request, await vapidKeys(db), async () => {
    const user = await currentStaff();
    return user ? staffPushOwner(user) : 'unauthenticated';
  });
}
