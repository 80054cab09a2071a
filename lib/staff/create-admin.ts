import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { auditLog, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { accountSchema, AccountError } from './accounts';

// no 0/o, 1/l/i: the password is read off a terminal and typed in once
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A random one-time password of five groups of four (about 99 bits), e.g. `k7mq-2xhd-…`. */
export function oneTimePassword(): string {
  const groups = Array.from({ length: 5 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}

/**
 * Creates an admin account from the command line (`npm run admin:create`), the way the first
 * admin of a new installation comes to be. Its password is a random one-time password, returned
 * to be shown once and stored only as a hash; it must be changed at the first sign-in
 * (users.must_change_password, enforced by lib/auth/session.ts). An e-mail already in use is refused.
 */
export async function createAdmin(db: Db, email: string, name: string, now: Date): Promise<{ id: number; email: string; password: string }> {
  const parsed = accountSchema.safeParse({ email, name, role: 'admin', regionCode: '', agencyCode: '', isActive: true });
  if (!parsed.success) throw new AccountError(parsed.error.issues[0]?.message === 'nama_wajib' ? 'nama_wajib' : 'email_salah');
  const input = parsed.data;
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const id = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw new AccountError('email_terpakai');
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: 'admin', passwordHash, mustChangePassword: true, createdAt: now })
      .returning({ id: users.id });
    await tx.insert(auditLog).values({ actorUserId: null, action: 'akun.buat', targetType: 'user', targetId: String(row.id), data: { email: input.email, name: input.name, role: 'admin', via: 'admin:create' }, createdAt: now });
    return row.id;
  });
  return { id, email: input.email, password };
}
