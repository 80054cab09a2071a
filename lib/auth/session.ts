import 'server-only';
import { redirect } from 'next/navigation';
import { auth } from '@/auth';
import { getDb } from '@/db/client';
import { loadStaffSession, type StaffProfile } from '@/db/queries/staff';
import { mustEnrolMfa } from '@/lib/auth/mfa';

/**
 * The signed-in account, freshly read from the database, whatever it may do: null when there is
 * no session or the session has ended (its version is older than the account's).
 */
export async function signedInAccount(): Promise<StaffProfile | null> {
  const session = (await auth()) as { uid?: number; sv?: number } | null;
  if (!session) return null;
  return loadStaffSession(getDb(), session);
}

/**
 * The signed-in official for staff pages, actions and routes, or null. An account still on a
 * one-time password gets null everywhere but the password page (signedInAccount): the rule is
 * kept here, on the server, not only by the redirect in requireStaff.
 */
export async function currentStaff(): Promise<StaffProfile | null> {
  const user = await signedInAccount();
  if (!user || user.mustChangePassword) return null;
  // an account whose role requires a second factor has none of the workspace until it enrols
  return (await mustEnrolMfa(getDb(), user)) ? null : user;
}

/** For staff pages: the official, or a redirect to the sign-in page (or to the password page while a one-time password is in use). */
export async function requireStaff(): Promise<StaffProfile> {
  const user = await signedInAccount();
  if (!user) redirect('/masuk');
  if (user.mustChangePassword) redirect('/petugas/sandi');
  if (await mustEnrolMfa(getDb(), user)) redirect('/petugas/keamanan');
  return user;
}
