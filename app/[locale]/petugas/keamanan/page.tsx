import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import QRCode from 'qrcode';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { MFA_MESSAGE, mfaState, mustEnrolMfa } from '@/lib/auth/mfa';
import { signedInAccount } from '@/lib/auth/session';
import { formatWib } from '@/lib/format';
import { signOutAction } from '../../masuk/actions';
import { StaffHeader } from '../staff-header';
import { confirmEnrolmentAction, removeMfaAction, renewRecoveryCodesAction, startEnrolmentAction } from './actions';
import { RecoveryCodesForm } from './recovery-codes-form';

export const metadata: Metadata = { title: 'Verifikasi dua langkah', robots: { index: false } };

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

const button = 'rounded bg-[#0f3d5e] px-4 py-2 font-semibold text-white';
const section = 'space-y-2 rounded-lg border bg-white p-3';

/**
 * Two-step verification of the signed-in account: enrol (QR code and key, confirmed by a first
 * code), new recovery codes, removal where the role allows it. An account whose role requires it
 * and has none is sent here by the staff session check and can open nothing else.
 */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ pesan?: string }> }) {
  const user = await signedInAccount();
  if (!user) redirect('/masuk');
  if (user.mustChangePassword) redirect('/petugas/sandi');
  const db = getDb();
  const [state, gated] = await Promise.all([mfaState(db, user), mustEnrolMfa(db, user)]);
  const { pesan } = await searchParams;
  const t = await getTranslations('petugas.mfa');
  const locale = (await getLocale()) as 'id' | 'en';
  const errors = Object.fromEntries(Object.entries(MFA_MESSAGE).map(([k, v]) => [k, v[locale]]));
  const labels = { code: t('code'), codesTitle: t('codesTitle'), codesIntro: t('codesIntro'), continue: t('continue'), errors, failed: t('failed') };
  const message = pesan ? (pesan === 'dimatikan' ? t('removed') : (MFA_MESSAGE[pesan]?.[locale] ?? t('failed'))) : null;
  const qr = state.pending ? await QRCode.toDataURL(state.pending.uri, { margin: 1, width: 220, errorCorrectionLevel: 'M' }) : null;

  return (
    <div className="mx-auto max-w-3xl space-y-4 px-4 py-4">
      {gated ? (
        // nothing of the workspace is open yet: only who is signed in, and a way out
        <div className="flex items-center justify-between rounded-lg border bg-white px-4 py-2 text-sm">
          <strong data-testid="staff-name">{user.name}</strong>
          <form action={signOutAction}><button className="underline">{t('signOut')}</button></form>
        </div>
      ) : (
        <StaffHeader user={user} />
      )}
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {gated ? <p role="alert" className="rounded border-2 border-amber-400 bg-amber-50 p-3" data-testid="mfa-required">{t('requiredNotice')}</p> : null}
      {message ? <p role="status" data-testid="mfa-message" className="rounded border bg-white p-3">{message}</p> : null}
      <p className="text-sm text-gray-700">{t('intro')}</p>

      {state.enabledAt ? (
        <>
          <section className={section} data-testid="mfa-enabled">
            <p>{t('enabledSince', { date: formatWib(state.enabledAt, locale) })}</p>
            <p data-testid="codes-left">{t('codesLeft', { n: state.recoveryCodesLeft })}</p>
          </section>
          <section className={section}>
            <h2 className="font-semibold">{t('renew')}</h2>
            <p className="text-sm text-gray-700">{t('renewIntro')}</p>
            <RecoveryCodesForm action={renewRecoveryCodesAction} labels={{ ...labels, submit: t('renew') }} testId="renew-codes" />
          </section>
          <section className={section}>
            <h2 className="font-semibold">{t('remove')}</h2>
            {state.required ? (
              <p className="text-sm">{t('requiredNoRemove')}</p>
            ) : (
              <form action={removeMfaAction} className="flex flex-wrap items-end gap-2" data-testid="remove-mfa">
                <label className="space-y-1">
                  <span className="block text-sm font-medium">{t('code')}</span>
                  <input name="code" inputMode="numeric" autoComplete="one-time-code" required maxLength={7} className="w-40 rounded border border-gray-500 px-3 py-2 font-mono" />
                </label>
                <button className="rounded border border-red-700 px-4 py-2 font-semibold text-red-800">{t('remove')}</button>
              </form>
            )}
          </section>
        </>
      ) : state.pending && qr ? (
        <section className={section} data-testid="mfa-enrol">
          <p>{t('scan')}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made here, nothing to optimise */}
          <img src={qr} alt={t('qrAlt')} width={220} height={220} data-testid="totp-qr" />
          <p className="text-sm">{t('manual')}</p>
          <p className="break-all font-mono text-lg tracking-wider" data-testid="totp-secret">{state.pending.secret.match(/.{1,4}/g)!.join(' ')}</p>
          <p>{t('confirmIntro')}</p>
          <RecoveryCodesForm action={confirmEnrolmentAction} labels={{ ...labels, submit: t('confirm') }} testId="confirm-mfa" />
          <form action={startEnrolmentAction}><button className="text-sm underline">{t('restart')}</button></form>
        </section>
      ) : (
        <form action={startEnrolmentAction} className={section}>
          <button className={button}>{t('start')}</button>
        </form>
      )}
    </div>
  );
}
