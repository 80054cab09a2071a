'use server';

import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/auth';
import { getDb } from '@/db/client';
import { signedInAccount } from '@/lib/auth/session';
import { endSessions } from '@/lib/staff/accounts';

export type SignInError = 'salah' | 'terkunci' | 'terlalu_sering' | 'gangguan' | 'kode_salah' | 'tiket_kedaluwarsa';
/** `step: 'kode'`: the password was right and the account has a second factor; the form asks for the code. */
export type SignInState = { error?: SignInError; step?: 'kode' } | null;

const PASSWORD_STEP_ERRORS: readonly string[] = ['terkunci', 'terlalu_sering', 'tiket_kedaluwarsa'];

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  try {
    const code = String(formData.get('code') ?? '').trim();
    await signIn('credentials', {
      ...(code ? { code } : { email: String(formData.get('email') ?? ''), password: String(formData.get('password') ?? '') }),
      redirectTo: '/petugas',
    });
    return null;
  } catch (error) {
    // A successful sign-in "throws" Next's redirect: let it through.
    if (!(error instanceof AuthError)) throw error;
    const code = (error as AuthError & { code?: string }).code ?? '';
    if (code === 'kode_diperlukan') return { step: 'kode' };
    if (code === 'kode_salah') return { step: 'kode', error: code };
    if (PASSWORD_STEP_ERRORS.includes(code)) return { error: code as SignInError };
    return { error: error.type === 'CredentialsSignin' ? 'salah' : 'gangguan' };
  }
}

/**
 * Signing out ends every session of the account, not only this browser's: sessions are stateless
 * tokens, and the account's session version is the only thing the server can revoke. Deleting
 * just this cookie would leave any copy of it valid for up to 12 hours.
 */
export async function signOutAction() {
  const user = await signedInAccount();
  if (user) await endSessions(getDb(), user.id, new Date());
  await signOut({ redirectTo: '/masuk' });
}
