'use server';

import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/auth';

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

export async function signOutAction() {
  await signOut({ redirectTo: '/masuk' });
}
