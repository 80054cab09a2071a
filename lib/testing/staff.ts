import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { loadStaffUser, type StaffProfile } from '@/db/queries/staff';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';

/** Seeds the reference data and the demo accounts; returns the accounts by e-mail name ('lurah.gambir'). */
export async function seedDemoStaff(db: Db): Promise<Record<string, StaffProfile>> {
  await seedReference(db);
  await seedDemoUsers(db);
  const staff: Record<string, StaffProfile> = {};
  for (const { id } of await rowsOf<{ id: number }>(db.execute(sql`select id from users`))) {
    const user = (await loadStaffUser(db, id))!;
    staff[user.email.replace('@aduan.test', '')] = user;
  }
  return staff;
}
