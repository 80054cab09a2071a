import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/connect';
import { agencies, auditLog, regions, users, type UserRole } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/permissions';
import { forgetDevices } from '@/lib/auth/known-device';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { DEMO_PASSWORD } from '@/lib/reference/demo-users';
import { regionLevelOf } from '@/lib/reports/filters';

export const accountSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('email_salah')),
  name: z.string().trim().min(2, 'nama_wajib').max(100),
  role: z.enum(['admin', 'operator', 'lurah', 'camat', 'walikota', 'agency', 'validator', 'inspektorat']),
  regionCode: z.string().trim().transform((v) => (v === '' ? null : v)).nullable(),
  agencyCode: z.string().trim().transform((v) => (v === '' ? null : v)).nullable(),
  isActive: z.boolean().default(true),
});
export type AccountInput = z.infer<typeof accountSchema>;

export const MIN_PASSWORD_LENGTH = 10;

export class AccountError extends Error {
  constructor(public readonly code: string) {
    super(code);
  }
}

/** Which region level (if any) each role's jurisdiction must be. */
const REGION_LEVEL: Partial<Record<UserRole, 'kota' | 'kecamatan' | 'kelurahan'>> = {
  lurah: 'kelurahan',
  camat: 'kecamatan',
  walikota: 'kota',
};

/** Checks that the jurisdiction fits the role and returns the agency id to store. */
async function resolveJurisdiction(db: Db, input: AccountInput): Promise<{ regionCode: string | null; agencyId: number | null }> {
  const level = REGION_LEVEL[input.role];
  if (level) {
    if (!input.regionCode || regionLevelOf(input.regionCode) !== level) throw new AccountError('wilayah_tidak_sesuai');
    const [region] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, input.regionCode));
    if (!region) throw new AccountError('wilayah_tidak_sesuai');
    const officeCode = { kelurahan: `kel-${region.code}`, kecamatan: `kec-${region.code}`, kota: `kota-${region.code}` }[level];
    const [office] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, officeCode));
    return { regionCode: region.code, agencyId: office?.id ?? null };
  }
  if (input.role === 'agency') {
    const [agency] = input.agencyCode ? await db.select().from(agencies).where(eq(agencies.code, input.agencyCode)) : [];
    if (!agency || !['dinas', 'sudin', 'bumd'].includes(agency.kind)) throw new AccountError('instansi_tidak_sesuai');
    if (input.regionCode && regionLevelOf(input.regionCode) !== 'kota') throw new AccountError('wilayah_tidak_sesuai');
    return { regionCode: input.regionCode ?? agency.regionCode, agencyId: agency.id };
  }
  const fixed: Partial<Record<UserRole, string>> = { validator: 'biro-pemerintahan', inspektorat: 'inspektorat' };
  const code = fixed[input.role] ?? input.agencyCode;
  const [agency] = code ? await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code)) : [];
  return { regionCode: null, agencyId: agency?.id ?? null };
}

function requireAdmin(actor: StaffUser) {
  if (actor.role !== 'admin') throw new AccountError('tidak_berwenang');
}

/** A new password must be long enough, and never the demo's published one. */
function checkNewPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AccountError('sandi_pendek');
  if (password === DEMO_PASSWORD) throw new AccountError('sandi_demo');
}

const bumpedVersion = sql`${users.sessionVersion} + 1`;

/**
 * Admin creates an account with a first password; the change and its audit row commit together.
 * The admin knows that password, so the new official must change it at first sign-in.
 */
export async function createAccount(db: Db, actor: StaffUser, input: AccountInput, password: string, now: Date): Promise<number> {
  requireAdmin(actor);
  checkNewPassword(password);
  const jurisdiction = await resolveJurisdiction(db, input);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw new AccountError('email_terpakai');
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, ...jurisdiction, isActive: input.isActive, passwordHash, mustChangePassword: true, createdAt: now })
      .returning({ id: users.id });
    await tx.insert(auditLog).values({ actorUserId: actor.id, action: 'akun.buat', targetType: 'user', targetId: String(row.id), data: { ...input, ...jurisdiction }, createdAt: now });
    return row.id;
  });
}

/**
 * Admin edits role, jurisdiction, name or disables an account. A new role or jurisdiction, or
 * disabling, ends the account's sessions at once (a session never outlives the powers it was
 * signed in with, and re-enabling an account does not revive its old sessions); a new name does not.
 */
export async function updateAccount(db: Db, actor: StaffUser, id: number, input: AccountInput, now: Date): Promise<void> {
  requireAdmin(actor);
  if (id === actor.id && (!input.isActive || input.role !== 'admin')) throw new AccountError('tidak_bisa_diri_sendiri');
  const jurisdiction = await resolveJurisdiction(db, input);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: users.role, regionCode: users.regionCode, agencyId: users.agencyId, isActive: users.isActive })
      .from(users)
      .where(eq(users.id, id))
      .for('update');
    if (!before) throw new AccountError('akun_tidak_ada');
    const endsSessions =
      before.role !== input.role || before.regionCode !== jurisdiction.regionCode || before.agencyId !== jurisdiction.agencyId || (before.isActive && !input.isActive);
    await tx
      .update(users)
      .set({ name: input.name, role: input.role, ...jurisdiction, isActive: input.isActive, ...(endsSessions ? { sessionVersion: bumpedVersion } : {}) })
      .where(eq(users.id, id));
    await tx.insert(auditLog).values({ actorUserId: actor.id, action: 'akun.ubah', targetType: 'user', targetId: String(id), data: { ...input, ...jurisdiction, sesiBerakhir: endsSessions }, createdAt: now });
  });
}

/**
 * An official changes their own password, proving the current one (also the one-time password
 * they must replace). Every session of the account ends, this one too: whoever learnt the old
 * password is out at once, and the official signs in again with the new one.
 */
export async function changePassword(db: Db, actor: StaffUser, current: string, next: string, now: Date): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!user || !(await verifyPassword(current, user.passwordHash))) throw new AccountError('sandi_lama_salah');
  checkNewPassword(next);
  if (next === current) throw new AccountError('sandi_sama');
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false, sessionVersion: bumpedVersion }).where(eq(users.id, actor.id));
    await tx.insert(auditLog).values({ actorUserId: actor.id, action: 'akun.ganti_sandi', targetType: 'user', targetId: String(actor.id), createdAt: now });
  });
}

/**
 * Ends every session of an account at once, on every device (the account's session version
 * moves on). "Sign out" does this; "sign out everywhere" also forgets the known devices, for a
 * lost phone: it then meets the account lock like any other device until it signs in again.
 */
export async function endSessions(db: Db, userId: number, now: Date, options: { forgetDevices?: boolean } = {}): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ sessionVersion: bumpedVersion }).where(eq(users.id, userId));
    const forgotten = options.forgetDevices ? await forgetDevices(tx, userId) : 0;
    await tx.insert(auditLog).values({
      actorUserId: userId,
      action: options.forgetDevices ? 'akun.keluar_semua' : 'akun.keluar',
      targetType: 'user',
      targetId: String(userId),
      data: options.forgetDevices ? { perangkatDilupakan: forgotten } : {},
      createdAt: now,
    });
  });
}

export const ACCOUNT_MESSAGE: Record<string, { id: string; en: string }> = {
  tidak_berwenang: { id: 'Hanya admin yang dapat mengelola akun.', en: 'Only admins manage accounts.' },
  wilayah_tidak_sesuai: { id: 'Wilayah tidak sesuai dengan peran (lurah: kelurahan, camat: kecamatan, walikota: kota).', en: 'The region does not fit the role.' },
  instansi_tidak_sesuai: { id: 'Pilih Dinas, Suku Dinas atau BUMD untuk staf SKPD.', en: 'Choose a Dinas, Suku Dinas or BUMD for agency staff.' },
  email_terpakai: { id: 'Email sudah dipakai akun lain.', en: 'That e-mail is already used.' },
  sandi_pendek: { id: `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter.`, en: `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.` },
  sandi_lama_salah: { id: 'Kata sandi lama salah.', en: 'The current password is wrong.' },
  sandi_sama: { id: 'Kata sandi baru harus berbeda dari yang sekarang.', en: 'The new password must differ from the current one.' },
  sandi_demo: { id: 'Kata sandi demo tidak boleh dipakai.', en: 'The demo password may not be used.' },
  tidak_bisa_diri_sendiri: { id: 'Anda tidak dapat menonaktifkan atau menurunkan peran akun sendiri.', en: 'You cannot disable or demote your own account.' },
  akun_tidak_ada: { id: 'Akun tidak ditemukan.', en: 'Account not found.' },
  email_salah: { id: 'Email tidak valid.', en: 'Invalid e-mail.' },
  nama_wajib: { id: 'Nama wajib diisi.', en: 'Name is required.' },
};
