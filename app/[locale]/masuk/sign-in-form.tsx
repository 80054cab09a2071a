'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
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
  kode_salah: {
    id: 'Kode salah atau sudah dipakai. Masukkan kode yang sedang tampil di aplikasi, atau kode pemulihan yang belum dipakai.',
    en: 'Wrong or already used code. Enter the code your app shows now, or an unused recovery code.',
  },
  tiket_kedaluwarsa: {
    id: 'Langkah verifikasi sudah kedaluwarsa. Masukkan lagi email dan kata sandi.',
    en: 'The verification step has expired. Enter your e-mail and password again.',
  },
};

export function SignInForm() {
  const [state, action, isPending] = useActionState<SignInState, FormData>(signInAction, null);
  const field = 'w-full rounded border border-gray-500 px-3 py-2';
  const t = useTranslations('petugas.signIn');
  const isEnglish = useLocale() === 'en';
  // "start over" sets the code step aside and shows the password fields again
  const [setAside, setSetAside] = useState<SignInState>(null);
  const error = state?.error && state !== setAside ? (
    <p className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="sign-in-error">
      {isEnglish ? MESSAGES[state.error].en : MESSAGES[state.error].id}
    </p>
  ) : null;
  if (state?.step === 'kode' && state !== setAside) {
    // the password was right; the session comes only with the code (the signed note is in an httpOnly cookie)
    return (
      <form action={action} className="space-y-3" data-testid="code-step">
        <h2 className="text-lg font-semibold">{t('codeTitle')}</h2>
        <p className="text-sm text-gray-700">{t('codeIntro')}</p>
        {error}
        <label className="block space-y-1">
          <span className="font-medium">{t('code')}</span>
          <input name="code" autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} required maxLength={40} autoFocus className={field} />
        </label>
        <div className="flex items-center gap-4">
          <button disabled={isPending} className="rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white disabled:opacity-60">
            {t('verify')}
          </button>
          <button type="button" onClick={() => setSetAside(state)} className="text-sm underline">
            {t('startOver')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <form action={action} className="space-y-3">
      {error}
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
