'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { signInAction, type SignInState } from './actions';

const MESSAGES = {
  salah: { id: 'Email atau kata sandi salah.', en: 'Wrong e-mail or password.' },
  terkunci: {
    id: 'Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam 15 menit.',
    en: 'The account is locked for a while after too many failed attempts. Try again in 15 minutes.',
  },
  terlalu_sering: {
    id: 'Terlalu banyak percobaan gagal dari alamat ini. Tunggu 15 menit lalu coba lagi.',
    en: 'Too many failed attempts from this address. Wait 15 minutes and try again.',
  },
  gangguan: { id: 'Gangguan sistem, silakan coba lagi.', en: 'System error, please try again.' },
};

export function SignInForm() {
  const [state, action, isPending] = useActionState<SignInState, FormData>(signInAction, null);
  const field = 'w-full rounded border border-gray-500 px-3 py-2';
  const t = useTranslations('petugas.signIn');
  const isEnglish = useLocale() === 'en';
  return (
    <form action={action} className="space-y-3">
      {state?.error ? (
        <p className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="sign-in-error">
          {isEnglish ? MESSAGES[state.error].en : MESSAGES[state.error].id}
        </p>
      ) : null}
      <label className="block space-y-1">
        <span className="font-medium">{t('email')}</span>
        <input name="email" type="email" autoComplete="username" required className={field} />
      </label>
      <label className="block space-y-1">
        <span className="font-medium">{t('password')}</span>
        <input name="password" type="password" autoComplete="current-password" required className={field} />
      </label>
      <button disabled={isPending} className="rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t('submit')}
      </button>
    </form>
  );
}
