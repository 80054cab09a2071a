import Link from 'next/link';
import type { StaffProfile } from '@/db/queries/staff';
import { signOutAction } from '../masuk/actions';

const ROLE: Record<StaffProfile['role'], string> = {
  admin: 'Admin',
  operator: 'Operator',
  lurah: 'Lurah',
  camat: 'Camat',
  walikota: 'Walikota',
  agency: 'Staf SKPD',
  validator: 'Validator',
  inspektorat: 'Inspektorat',
};

export function StaffHeader({ user }: { user: StaffProfile }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border bg-white px-4 py-2 text-sm">
      <p>
        <strong data-testid="staff-name">{user.name}</strong> · {ROLE[user.role]}
        {user.agencyName ? ` · ${user.agencyName}` : ''}
      </p>
      <nav className="flex items-center gap-4">
        <Link href="/petugas" className="underline">Antrean</Link>
        {user.role === 'admin' || user.role === 'operator' ? <Link href="/petugas/outbox" className="underline">Pesan keluar</Link> : null}
        {user.role === 'admin' ? <Link href="/petugas/akun" className="underline">Akun</Link> : null}
        <Link href="/petugas/sandi" className="underline">Kata sandi</Link>
        <form action={signOutAction}>
          <button className="underline">Keluar</button>
        </form>
      </nav>
    </div>
  );
}
