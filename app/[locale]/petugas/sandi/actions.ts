'use server';

import { signOut } from '@/auth';
import { getDb } from '@/db/client';
import { signedInAccount } from '@/lib/auth/session';
import { endSessions } from '@/lib/staff/accounts';

/** Ends every session of the account and forgets its known devices (a lost or shared device). */
export async function signOutEverywhereAction() {
  const user = await signedInAccount();
  if (user) await endSessions(getDb(), user.id, new Date(), { forgetDevices: true });
  await signOut({ redirectTo: '/masuk?keluar=semua' });
}
