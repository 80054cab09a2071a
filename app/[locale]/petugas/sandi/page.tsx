import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { countDevices } from '@/lib/auth/known-device';
import { signedInAccount } from '@/lib/auth/session';
import { ACCOUNT_MESSAGE } from '@/lib/staff/accounts';
import { changePasswordAction } from '../akun/actions';
import { StaffHeader } from '../staff-header';
import { signOutEverywhereAction } from './actions';

export const metadata: Metadata = { title: 'Ganti kata sandi', robots: { index: false } };

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

/** The one staff page open to an account still on its one-time password (lib/auth/session.ts). */
export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ pesan?: string }> }) {
  const user = await signedInAccount();
  if (!user) redirect('/masuk');
  const { pesan } = await searchParams;
  const t = await getTranslations('petugas.changePassword');
  const locale = (await getLocale()) as 'id' | 'en';
  const devices = await countDevices(getDb(), user.id);
  const field = 'w-full rounded border border-gray-500 px-3 py-2';
  return (
    <div className="mx-auto max-w-3xl px-4 py-4 space-y-4">
      <StaffHeader user={user} />
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {user.mustChangePassword ? (
        <p role="alert" data-testid="must-change-password" className="rounded border border-amber-400 bg-amber-50 p-3">{t('mustChange')}</p>
      ) : null}
      {pesan ? (
        <p role="status" data-testid="password-message" className="rounded border bg-white p-3">
          {pesan === 'ok' ? t('done') : (ACCOUNT_MESSAGE[pesan]?.[locale] ?? ACCOUNT_MESSAGE.akun_tidak_ada[locale])}
        </p>
      ) : null}
      <form action={changePasswordAction} className="max-w-sm space-y-3">
        <label className="block space-y-1"><span className="font-medium">{t('current')}</span><input name="current" type="password" autoComplete="current-password" required className={field} /></label>
        <label className="block space-y-1"><span className="font-medium">{t('next')}</span><input name="next" type="password" autoComplete="new-password" minLength={10} required className={field} /></label>
        <p className="text-sm text-gray-700">{t('endsSessions')}</p>
        <button className="rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white">{t('submit')}</button>
      </form>
      <section className="max-w-xl space-y-2 rounded-lg border bg-white p-3" aria-labelledby="sesi">
        <h2 id="sesi" className="font-semibold">{t('sessionsTitle')}</h2>
        <p className="text-sm">{t('sessionsIntro', { count: devices })}</p>
        <form action={signOutEverywhereAction}>
          <button className="rounded border border-red-700 px-3 py-1.5 text-sm font-semibold text-red-800">{t('signOutEverywhere')}</button>
        </form>
      </section>
    </div>
  );
}
