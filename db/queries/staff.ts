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
    })
    .from(users)
    .leftJoin(unit, eq(unit.id, users.agencyId))
    .where(eq(users.id, id));
  if (!row || !row.isActive) return null;
  const { isActive: _active, ...profile } = row;
  return profile;
}
