import type { Metadata } from 'next';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { agencies, users } from '@/db/schema';
import { requireStaff } from '@/lib/auth/session';
import { ACCOUNT_MESSAGE } from '@/lib/staff/accounts';
import { StaffHeader } from '../staff-header';
import { saveAccountAction } from './actions';

export const metadata: Metadata = { title: 'Akun petugas', robots: { index: false } };

const ROLES = ['admin', 'operator', 'lurah', 'camat', 'walikota', 'agency', 'validator', 'inspektorat'] as const;
const field = 'rounded border border-gray-500 px-2 py-1 text-sm';

function AccountFields({ value }: { value?: { email: string; name: string; role: string; regionCode: string | null; agencyCode: string | null; isActive: boolean } }) {
  return (
    <>
      <input name="email" type="email" required defaultValue={value?.email} readOnly={Boolean(value)} aria-label="Email" placeholder="email" className={field} />
      <input name="name" required defaultValue={value?.name} aria-label="Nama" placeholder="nama" className={field} />
      <select name="role" defaultValue={value?.role ?? 'lurah'} aria-label="Peran" className={field}>
        {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
      </select>
      <input name="regionCode" defaultValue={value?.regionCode ?? ''} aria-label="Kode wilayah" placeholder="kode wilayah (31.71.01.1001)" className={field} />
      <input name="agencyCode" defaultValue={value?.agencyCode ?? ''} aria-label="Kode instansi" placeholder="kode instansi (bina-marga-31.71)" className={field} />
      <label className="flex items-center gap-1 text-sm"><input type="checkbox" name="isActive" defaultChecked={value?.isActive ?? true} /> aktif</label>
    </>
  );
}

/** Admins create, edit and disable accounts and set role and jurisdiction. */
export default async function AccountsPage({ searchParams }: { searchParams: Promise<{ pesan?: string }> }) {
  const user = await requireStaff();
  const { pesan } = await searchParams;
  if (user.role !== 'admin') {
    return (
      <div className="mx-auto max-w-3xl px-4 py-6 space-y-4">
        <StaffHeader user={user} />
        <p role="alert" data-testid="refused">Halaman ini hanya untuk admin.</p>
      </div>
    );
  }
  const rows = await getDb()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, regionCode: users.regionCode, agencyCode: agencies.code, isActive: users.isActive })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .orderBy(asc(users.email));
  return (
    <div className="mx-auto max-w-6xl px-4 py-4 space-y-4">
      <StaffHeader user={user} />
      <h1 className="text-2xl font-bold">Akun petugas</h1>
      {pesan ? (
        <p role="status" data-testid="account-message" className="rounded border bg-white p-3">
          {pesan === 'ok' ? 'Tersimpan.' : (ACCOUNT_MESSAGE[pesan]?.id ?? 'Permintaan tidak dapat diproses.')}
        </p>
      ) : null}
      <form action={saveAccountAction} className="flex flex-wrap items-center gap-2 rounded-lg border bg-white p-3">
        <h2 className="w-full font-semibold">Akun baru</h2>
        <AccountFields />
        <input name="password" type="password" required minLength={10} aria-label="Kata sandi awal" placeholder="kata sandi awal" className={field} />
        <button className="rounded bg-[#0f3d5e] px-3 py-1.5 text-sm font-semibold text-white">Buat akun</button>
      </form>
      <ul className="space-y-2">
        {rows.map((r) => (
          <li key={r.id}>
            <form action={saveAccountAction} className="flex flex-wrap items-center gap-2 rounded-lg border bg-white p-2">
              <input type="hidden" name="id" value={r.id} />
              <AccountFields value={r} />
              <button className="rounded border border-[#0f3d5e] px-3 py-1 text-sm">Simpan</button>
            </form>
          </li>
        ))}
      </ul>
    </div>
  );
}
