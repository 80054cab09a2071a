import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { appSettings, auditLog, staffRecoveryCodes, users, type UserRole } from '@/db/schema';
import { consumeRateLimit, peekRateLimit, type RateLimitRule } from '@/lib/security/rate-limit';
import { seal, unseal } from '@/lib/security/sealed';
import type { StaffUser } from './permissions';
import { isDemo, isMfaRequired, MFA_ALL_ROLES_SETTING, type MfaPolicy } from './mfa-policy';
import { mfaKeys, totpContext } from './mfa-keys';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { newTotpSecret, totpUri, verifyTotp } from './totp';

/*
 * Enrolment in, and removal of, the second factor (TOTP with recovery codes), and the admin's
 * switch that requires it of every role. Whether a signed-in account may use the workspace is
 * decided by `mustEnrolMfa`, which the staff session check (lib/auth/session.ts) calls on every
 * request; the sign-in itself is lib/auth/second-factor.ts.
 */

export class MfaError extends Error {
  constructor(public readonly code: string) {
    super(code);
  }
}

export const MFA_MESSAGE: Record<string, { id: string; en: string }> = {
  kode_salah: { id: 'Kode salah atau sudah dipakai. Masukkan kode yang sedang tampil di aplikasi.', en: 'Wrong or already used code. Enter the code your app shows now.' },
  belum_mulai: { id: 'Mulai pendaftaran terlebih dahulu.', en: 'Start the enrolment first.' },
  sudah_aktif: { id: 'Verifikasi dua langkah sudah aktif.', en: 'Two-step verification is already on.' },
  belum_aktif: { id: 'Verifikasi dua langkah belum aktif.', en: 'Two-step verification is not on.' },
  wajib: { id: 'Peran Anda wajib memakai verifikasi dua langkah; hanya admin yang dapat mengatur ulangnya.', en: 'Your role must use two-step verification; only an admin can reset it.' },
  tidak_berwenang: { id: 'Hanya admin yang dapat melakukan ini.', en: 'Only admins can do this.' },
  akun_tidak_ada: { id: 'Akun tidak ditemukan.', en: 'Account not found.' },
  terlalu_sering: { id: 'Terlalu banyak kode salah. Tunggu 15 menit lalu coba lagi.', en: 'Too many wrong codes. Wait 15 minutes and try again.' },
};

type Account = Pick<StaffUser, 'id' | 'role'> & { email: string };

function requireAdmin(actor: StaffUser) {
  if (actor.role !== 'admin') throw new MfaError('tidak_berwenang');
}

const audit = (db: Db, actorUserId: number, action: string, targetId: number, now: Date, data: Record<string, unknown> = {}) =>
  db.insert(auditLog).values({ actorUserId, action, targetType: 'user', targetId: String(targetId), data, createdAt: now });

/** The policy in force: the admin's switch (app_settings) and whether this is the demo. */
export async function readMfaPolicy(db: Db, env: Record<string, string | undefined> = process.env): Promise<MfaPolicy> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, MFA_ALL_ROLES_SETTING));
  return { allRoles: row?.value === true, isDemo: isDemo(env) };
}

/** Admin: require a second factor of every role (on) or only of admin, inspektorat and validator (off). */
export async function setMfaForAllRoles(db: Db, actor: StaffUser, on: boolean, now: Date): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    await tx
      .insert(appSettings)
      .values({ key: MFA_ALL_ROLES_SETTING, value: on, updatedAt: now })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: on, updatedAt: now } });
    await tx.insert(auditLog).values({ actorUserId: actor.id, action: 'pengaturan.mfa_semua_peran', targetType: 'pengaturan', targetId: MFA_ALL_ROLES_SETTING, data: { on }, createdAt: now });
  });
}

/**
 * Whether this signed-in account must enrol before it may use the workspace: its role (or the
 * admin's switch) requires a second factor and it has none yet. One query per request.
 */
export async function mustEnrolMfa(db: Db, account: { id: number; role: UserRole; email: string }, env: Record<string, string | undefined> = process.env): Promise<boolean> {
  const [row] = await db
    .select({
      enabledAt: users.totpEnabledAt,
      allRoles: sql<unknown>`(select ${appSettings.value} from ${appSettings} where ${appSettings.key} = ${MFA_ALL_ROLES_SETTING})`,
    })
    .from(users)
    .where(eq(users.id, account.id));
  if (!row || row.enabledAt) return false;
  return isMfaRequired(account, { allRoles: row.allRoles === true, isDemo: isDemo(env) });
}

export interface MfaState {
  enabledAt: Date | null;
  /** Enrolment started (a secret waits for its first code) but not confirmed. */
  pending: { secret: string; uri: string } | null;
  recoveryCodesLeft: number;
  required: boolean;
}

export async function mfaState(db: Db, account: Account, env: Record<string, string | undefined> = process.env): Promise<MfaState> {
  const [user] = await db.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, account.id));
  const [left] = await db
    .select({ n: count() })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.userId, account.id), isNull(staffRecoveryCodes.usedAt)));
  const secret = user?.secret && !user.enabledAt ? unseal(user.secret, totpContext(account.id), mfaKeys().totp) : null;
  return {
    enabledAt: user?.enabledAt ?? null,
    pending: secret ? { secret, uri: totpUri(secret, account.email) } : null,
    recoveryCodesLeft: user?.enabledAt ? left.n : 0,
    required: isMfaRequired(account, await readMfaPolicy(db, env)),
  };
}

/** Starts (or restarts) enrolment: a new secret, stored encrypted, waiting for its first code. */
export async function startEnrolment(db: Db, account: Account): Promise<{ secret: string; uri: string }> {
  const secret = newTotpSecret();
  const [row] = await db
    .update(users)
    .set({ totpSecret: seal(secret, totpContext(account.id), mfaKeys().totp), totpLastStep: null })
    .where(and(eq(users.id, account.id), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  if (!row) throw new MfaError('sudah_aktif');
  return { secret, uri: totpUri(secret, account.email) };
}

/** Replaces the account's recovery codes with ten new ones; returns them (shown once, never stored). */
async function issueRecoveryCodes(tx: Db, userId: number, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  await tx.insert(staffRecoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code, mfaKeys().recovery), createdAt: now })));
  return codes;
}

/** Reads the account's secret and checks a current code against it, refusing a step already used. */
async function checkCurrentCode(tx: Db, userId: number, code: string, now: Date, mustBeEnabled: boolean) {
  const [user] = await tx
    .select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  if (!user?.secret) throw new MfaError(mustBeEnabled ? 'belum_aktif' : 'belum_mulai');
  if (Boolean(user.enabledAt) !== mustBeEnabled) throw new MfaError(mustBeEnabled ? 'belum_aktif' : 'sudah_aktif');
  const secret = unseal(user.secret, totpContext(userId), mfaKeys().totp);
  const check = secret ? verifyTotp(secret, code, now, user.lastStep) : null;
  if (!check?.ok) throw new MfaError('kode_salah');
  return check.step;
}

/**
 * Wrong codes in the signed-in account's own forms (enrolment, new recovery codes, removal): five
 * in 15 minutes and the forms refuse, so a stolen session cannot guess its way to turning the
 * second factor off. Counted outside the transaction, which a wrong code rolls back.
 */
const OWN_CODE_RULE: RateLimitRule = { action: 'mfa-kode-akun', limit: 5, windowSeconds: 15 * 60 };

async function withCodeLimit<T>(db: Db, userId: number, now: Date, work: () => Promise<T>): Promise<T> {
  if ((await peekRateLimit(db, OWN_CODE_RULE, String(userId), now)).count >= OWN_CODE_RULE.limit) throw new MfaError('terlalu_sering');
  try {
    return await work();
  } catch (error) {
    if (error instanceof MfaError && error.code === 'kode_salah') await consumeRateLimit(db, OWN_CODE_RULE, String(userId), now);
    throw error;
  }
}

/** Confirms enrolment with the first code from the app; returns the ten recovery codes to show once. */
export async function confirmEnrolment(db: Db, account: Account, code: string, now: Date): Promise<string[]> {
  return withCodeLimit(db, account.id, now, () => db.transaction(async (tx) => {
    const step = await checkCurrentCode(tx, account.id, code, now, false);
    await tx.update(users).set({ totpEnabledAt: now, totpLastStep: step }).where(eq(users.id, account.id));
    const codes = await issueRecoveryCodes(tx, account.id, now);
    await audit(tx, account.id, 'mfa.daftar', account.id, now);
    return codes;
  }));
}

/** New recovery codes (the old ones stop working), proven with a current code. */
export async function renewRecoveryCodes(db: Db, account: Account, code: string, now: Date): Promise<string[]> {
  return withCodeLimit(db, account.id, now, () => db.transaction(async (tx) => {
    const step = await checkCurrentCode(tx, account.id, code, now, true);
    await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, account.id));
    const codes = await issueRecoveryCodes(tx, account.id, now);
    await audit(tx, account.id, 'mfa.kode_pemulihan_baru', account.id, now);
    return codes;
  }));
}

async function clearMfa(tx: Db, userId: number): Promise<boolean> {
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  const [row] = await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.id, userId)).returning({ id: users.id });
  return Boolean(row);
}

/** An official removes their own second factor, proving a current code; refused where it is required. */
export async function removeOwnMfa(db: Db, account: Account, code: string, now: Date, env: Record<string, string | undefined> = process.env): Promise<void> {
  if (isMfaRequired(account, await readMfaPolicy(db, env))) throw new MfaError('wajib');
  await withCodeLimit(db, account.id, now, () =>
    db.transaction(async (tx) => {
      await checkCurrentCode(tx, account.id, code, now, true);
      await clearMfa(tx, account.id);
      await audit(tx, account.id, 'mfa.hapus', account.id, now);
    }),
  );
}

/** Admin: removes another account's second factor (a lost phone and lost codes); it enrols again at its next sign-in if required. */
export async function resetMfa(db: Db, actor: StaffUser, userId: number, now: Date): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    if (!(await clearMfa(tx, userId))) throw new MfaError('akun_tidak_ada');
    await audit(tx, actor.id, 'mfa.reset', userId, now);
  });
}
