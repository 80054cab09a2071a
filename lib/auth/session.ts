import 'server-only';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { getDb } from '@/db/client';
import { loadStaffUser, type StaffProfile } from '@/db/queries/staff';

/** The signed-in official, freshly read from the database, or null. */
export async function currentStaff(): Promise<StaffProfile | null> {
  const session = (await auth()) as { uid?: number } | null;
  if (!session?.uid) return null;
  return loadStaffUser(getDb(), session.uid);
}

/** For staff pages: the official, or a redirect to the sign-in page. */
export async function requireStaff(): Promise<StaffProfile> {
  const user = await currentStaff();
  if (!user) redirect('/masuk');
  return user;
}
