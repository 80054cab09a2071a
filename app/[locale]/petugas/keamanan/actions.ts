'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { currentStaff, signedInAccount } from '@/lib/auth/session';
import { confirmEnrolment, MfaError, removeOwnMfa, renewRecoveryCodes, resetMfa, setMfaForAllRoles, startEnrolment } from '@/lib/auth/mfa';
import { logUnexpected } from '@/lib/server/request';

const BACK = '/petugas/keamanan';

/** The account enrolling: signed in, past any one-time password, whether or not it may use the workspace yet. */
async function enrollingAccount() {
  const account = await signedInAccount();
  if (!account) redirect('/masuk');
  if (account.mustChangePassword) redirect('/petugas/sandi');
  return account;
}

const outcomeOf = (error: unknown, what: string) => (error instanceof MfaError ? error.code : `gangguan_${logUnexpected(what, error)}`);

export async function startEnrolmentAction() {
  const account = await enrollingAccount();
  let outcome: string | null = null;
  try {
    await startEnrolment(getDb(), account);
  } catch (error) {
    outcome = outcomeOf(error, 'mfa mulai');
  }
  revalidatePath(BACK);
  redirect(outcome ? `${BACK}?pesan=${outcome}` : BACK);
}

/** Recovery codes go back to the page that asked, once; they are never in a URL or stored in the clear. */
export type RecoveryCodesState = { codes?: string[]; error?: string } | null;

export async function confirmEnrolmentAction(_prev: RecoveryCodesState, formData: FormData): Promise<RecoveryCodesState> {
  const account = await enrollingAccount();
  try {
    return { codes: await confirmEnrolment(getDb(), account, String(formData.get('code') ?? ''), new Date()) };
  } catch (error) {
    return { error: outcomeOf(error, 'mfa konfirmasi') };
  }
}

export async function renewRecoveryCodesAction(_prev: RecoveryCodesState, formData: FormData): Promise<RecoveryCodesState> {
  const account = await currentStaff();
  if (!account) redirect('/masuk');
  try {
    return { codes: await renewRecoveryCodes(getDb(), account, String(formData.get('code') ?? ''), new Date()) };
  } catch (error) {
    return { error: outcomeOf(error, 'mfa kode baru') };
  }
}

export async function removeMfaAction(formData: FormData) {
  const account = await currentStaff();
  if (!account) redirect('/masuk');
  let outcome = 'dimatikan';
  try {
    await removeOwnMfa(getDb(), account, String(formData.get('code') ?? ''), new Date());
  } catch (error) {
    outcome = outcomeOf(error, 'mfa hapus');
  }
  revalidatePath(BACK);
  redirect(`${BACK}?pesan=${outcome}`);
}

/** Admin, from the accounts page: another account's second factor is removed (audited). */
export async function resetMfaAction(formData: FormData) {
  const actor = await currentStaff();
  if (!actor) redirect('/masuk');
  let outcome = 'mfa_diatur_ulang';
  try {
    await resetMfa(getDb(), actor, Number(formData.get('id') ?? 0), new Date());
  } catch (error) {
    outcome = outcomeOf(error, 'mfa reset');
  }
  revalidatePath('/petugas/akun');
  redirect(`/petugas/akun?pesan=${outcome}`);
}

/** Admin, from the settings page: the second factor required of every role, or only of the sensitive ones. */
export async function saveMfaSettingAction(formData: FormData) {
  const actor = await currentStaff();
  if (!actor) redirect('/masuk');
  let outcome = 'ok';
  try {
    await setMfaForAllRoles(getDb(), actor, formData.get('allRoles') === 'on', new Date());
  } catch (error) {
    outcome = outcomeOf(error, 'mfa pengaturan');
  }
  revalidatePath('/petugas/atur');
  redirect(`/petugas/atur?pesan=${outcome}#keamanan`);
}
