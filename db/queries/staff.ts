import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../connect';
import { agencies, users } from '../schema';
import type { StaffUser } from '@/lib/auth/permissions';

export interface StaffProfile extends StaffUser {
  email: string;
  name: string;
  agencyName: string | null;
  agencyCode: string | null;
  /** Sessions issued with an older version have ended (lib/auth/session.ts). */
  sessionVersion: number;
  /** A one-time password is still in use: only the password page is open until it is changed. */
  mustChangePassword: boolean;
}

const unit = alias(agencies, 'unit');

/** A staff account as permissions see it; null when it does not exist or is disabled. */
export async function loadStaffUser(db: Db, id: number): Promise<StaffProfile | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      regionCode: users.regionCode,
      agencyId: users.agencyId,
      isActive: users.isActive,
      agencyParentId: unit.parentId,
      agencyName: unit.name,
      agencyCode: unit.code,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .leftJoin(unit, eq(unit.id, users.agencyId))
    .where(eq(users.id, id));
  if (!row || !row.isActive) return null;
  const { isActive: _active, ...profile } = row;
  return profile;
}

/**
 * The account a session belongs to, or null when the session has ended: the account is gone or
 * disabled, or its session version moved past the one the session was issued with (a password
 * change, a sign-out, a new role or jurisdiction).
 */
export async function loadStaffSession(db: Db, session: { uid?: unknown; sv?: unknown }): Promise<StaffProfile | null> {
  if (typeof session.uid !== 'number' || typeof session.sv !== 'number') return null;
  const user = await loadStaffUser(db, session.uid);
  return user && user.sessionVersion === session.sv ? user : null;
}
