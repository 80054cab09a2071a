'use server';

import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/auth';
import { getDb } from '@/db/client';
import { signedInAccount } from '@/lib/auth/session';
import { endSessions } from '@/lib/staff/accounts';

export type SignInState = { error: 'salah' | 'terkunci' | 'terlalu_sering' | 'gangguan' } | null;

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  try {
    await signIn('credentials', {
      email: String(formData.get('email') ?? ''),
      password: String(formData.get('password') ?? ''),
      redirectTo: '/petugas',
    });
    return null;
  } catch (error) {
    // A successful sign-in "throws" Next's redirect: let it through.
    if (!(error instanceof AuthError)) throw error;
    const code = (error as AuthError & { code?: string }).code;
    return { error: code === 'terkunci' || code === 'terlalu_sering' ? code : error.type === 'CredentialsSignin' ? 'salah' : 'gangguan' };
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
