'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { signOut } from '@/auth';
import { getDb } from '@/db/client';
import { currentStaff, signedInAccount } from '@/lib/auth/session';
import { logUnexpected } from '@/lib/server/request';
import { accountSchema, AccountError, changePassword, createAccount, updateAccount } from '@/lib/staff/accounts';

function accountFrom(formData: FormData) {
  return accountSchema.safeParse({
    email: String(formData.get('email') ?? ''),
    name: String(formData.get('name') ?? ''),
    role: String(formData.get('role') ?? ''),
    regionCode: String(formData.get('regionCode') ?? ''),
    agencyCode: String(formData.get('agencyCode') ?? ''),
    isActive: formData.get('isActive') === 'on',
  });
}

async function run(back: string, work: () => Promise<unknown>) {
  let outcome = 'ok';
  try {
    await work();
  } catch (error) {
    outcome = error instanceof AccountError ? error.code : `gangguan_${logUnexpected('account', error)}`;
  }
  revalidatePath(back);
  redirect(`${back}?pesan=${outcome}`);
}

/** Admin: create (no id) or update (with id) an account. Authorization is checked in the domain function. */
export async function saveAccountAction(formData: FormData) {
  const actor = await currentStaff();
  if (!actor) redirect('/masuk');
  const parsed = accountFrom(formData);
  if (!parsed.success) redirect(`/petugas/akun?pesan=${parsed.error.issues[0]?.message ?? 'tidak_valid'}`);
  const id = Number(formData.get('id') ?? 0);
  const db = getDb();
  await run('/petugas/akun', () =>
    id ? updateAccount(db, actor, id, parsed.data, new Date()) : createAccount(db, actor, parsed.data, String(formData.get('password') ?? ''), new Date()),
  );
}

/**
 * Also for an account still on its one-time password (the only action it may take). The change
 * ends every session of the account, this one too: the official signs in again with the new password.
 */
export async function changePasswordAction(formData: FormData) {
  const actor = await signedInAccount();
  if (!actor) redirect('/masuk');
  let outcome = 'ok';
  try {
    await changePassword(getDb(), actor, String(formData.get('current') ?? ''), String(formData.get('next') ?? ''), new Date());
  } catch (error) {
    outcome = error instanceof AccountError ? error.code : `gangguan_${logUnexpected('account', error)}`;
  }
  if (outcome !== 'ok') redirect(`/petugas/sandi?pesan=${outcome}`);
  await signOut({ redirectTo: '/masuk?sandi=diganti' });
}
