import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { StaffProfile } from '@/db/queries/staff';
import { outboxAccess } from '@/lib/notify/outbox-access';
import { signOutAction } from '../masuk/actions';

export async function StaffHeader({ user }: { user: StaffProfile }) {
  const t = await getTranslations('petugas');
  // on a one-time password only the password page is open: offer nothing else
  const isRestricted = user.mustChangePassword;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border bg-white px-4 py-2 text-sm">
      <p>
        <strong data-testid="staff-name">{user.name}</strong> · {t(`roles.${user.role}`)}
        {user.agencyName ? ` · ${user.agencyName}` : ''}
      </p>
      <nav className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {isRestricted ? null : (
          <>
            <Link href="/petugas" className="underline">{t('nav.queue')}</Link>
            <Link href="/petugas/lapangan" className="underline">{t('nav.field')}</Link>
            {['lurah', 'camat', 'walikota', 'agency'].includes(user.role) ? <Link href="/petugas/instruksi" className="underline">{t('nav.instructions')}</Link> : null}
            {['admin', 'operator', 'lurah', 'camat', 'walikota'].includes(user.role) ? <Link href="/petugas/catat" className="underline">{t('nav.desk')}</Link> : null}
            {outboxAccess(user.role) !== 'none' ? <Link href="/petugas/outbox" className="underline">{t('nav.outbox')}</Link> : null}
            {user.role === 'admin' ? <Link href="/petugas/akun" className="underline">{t('nav.accounts')}</Link> : null}
            {user.role === 'admin' ? <Link href="/petugas/atur" className="underline">{t('nav.settings')}</Link> : null}
          </>
        )}
        <Link href="/petugas/sandi" className="underline">{t('nav.password')}</Link>
        {isRestricted ? null : <Link href="/petugas/keamanan" className="underline">{t('nav.security')}</Link>}
        <form action={signOutAction}>
          <button className="underline">{t('nav.signOut')}</button>
        </form>
      </nav>
    </div>
  );
}
