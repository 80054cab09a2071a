import type { Metadata } from 'next';
import { asc, eq } from 'drizzle-orm';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { agencies, users } from '@/db/schema';
import { requireStaff } from '@/lib/auth/session';
import { ACCOUNT_MESSAGE } from '@/lib/staff/accounts';
import { StaffHeader } from '../staff-header';
import { saveAccountAction } from './actions';
import { resetMfaAction } from '../keamanan/actions';
import { MFA_MESSAGE } from '@/lib/auth/mfa';

export const metadata: Metadata = { title: 'Akun petugas', robots: { index: false } };

// Per-request data: never served from the page cache.
export const dynamic = 'force-dynamic';

const ROLES = ['admin', 'operator', 'lurah', 'camat', 'walikota', 'agency', 'validator', 'inspektorat'] as const;
const field = 'rounded border border-gray-500 px-2 py-1 text-sm';

async function AccountFields({ value }: { value?: { email: string; name: string; role: string; regionCode: string | null; agencyCode: string | null; isActive: boolean } }) {
  const t = await getTranslations('petugas.accounts');
  return (
    <>
      <input name="email" type="email" required defaultValue={value?.email} readOnly={Boolean(value)} aria-label={t('email')} placeholder={t('email')} className={field} />
      <input name="name" required defaultValue={value?.name} aria-label={t('name')} placeholder={t('name')} className={field} />
      <select name="role" defaultValue={value?.role ?? 'lurah'} aria-label={t('role')} className={field}>
        {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
      </select>
      <input name="regionCode" defaultValue={value?.regionCode ?? ''} aria-label={t('region')} placeholder={`${t('region')} (31.71.01.1001)`} className={field} />
      <input name="agencyCode" defaultValue={value?.agencyCode ?? ''} aria-label={t('agency')} placeholder={`${t('agency')} (bina-marga-31.71)`} className={field} />
      <label className="flex items-center gap-1 text-sm"><input type="checkbox" name="isActive" defaultChecked={value?.isActive ?? true} /> {t('active')}</label>
    </>
  );
}

/** Admins create, edit and disable accounts and set role and jurisdiction. */
export default async function AccountsPage({ searchParams }: { searchParams: Promise<{ pesan?: string }> }) {
  const user = await requireStaff();
  const { pesan } = await searchParams;
  const t = await getTranslations('petugas.accounts');
  const tMfa = await getTranslations('petugas.mfa');
  const locale = (await getLocale()) as 'id' | 'en';
  if (user.role !== 'admin') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-6 space-y-4">
        <StaffHeader user={user} />
        <p role="alert" data-testid="refused">{t('onlyAdmin')}</p>
      </div>
    );
  }
  const rows = await getDb()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, regionCode: users.regionCode, agencyCode: agencies.code, isActive: users.isActive, mfaSince: users.totpEnabledAt })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .orderBy(asc(users.email));
  return (
    <div className="mx-auto max-w-6xl px-4 py-4 space-y-4">
      <StaffHeader user={user} />
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {pesan ? (
        <p role="status" data-testid="account-message" className="rounded border bg-white p-3">
          {pesan === 'ok' ? t('saved') : pesan === 'mfa_diatur_ulang' ? tMfa('resetDone') : (ACCOUNT_MESSAGE[pesan]?.[locale] ?? MFA_MESSAGE[pesan]?.[locale] ?? t('failed'))}
        </p>
      ) : null}
      <form action={saveAccountAction} className="flex flex-wrap items-center gap-2 rounded-lg border bg-white p-3">
        <h2 className="w-full font-semibold">{t('new')}</h2>
        <AccountFields />
        <input name="password" type="password" required minLength={10} aria-label={t('initialPassword')} placeholder={t('initialPassword')} className={field} />
        <button className="rounded bg-[#0f3d5e] px-3 py-1.5 text-sm font-semibold text-white">{t('create')}</button>
      </form>
      <ul className="space-y-2">
        {rows.map((r) => (
          <li key={r.id}>
            <form action={saveAccountAction} className="flex flex-wrap items-center gap-2 rounded-lg border bg-white p-2">
              <input type="hidden" name="id" value={r.id} />
              <AccountFields value={r} />
              <button className="rounded border border-[#0f3d5e] px-3 py-1 text-sm">{t('save')}</button>
            </form>
            <div className="flex items-center gap-2 px-2 pt-1 text-xs text-gray-700" data-testid={`mfa-${r.email}`}>
              {tMfa('status')}: {r.mfaSince ? tMfa('on') : tMfa('off')}
              {r.mfaSince ? (
                // an admin removes a lost second factor; the account enrols again if its role requires it (audited)
                <form action={resetMfaAction}>
                  <input type="hidden" name="id" value={r.id} />
                  <button className="underline">{tMfa('reset')}</button>
                </form>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
