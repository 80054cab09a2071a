import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { apiKeys, auditLog } from '@/db/schema';
import type { StaffUser } from '@/lib/auth/permissions';
import { SettingsError } from '@/lib/admin/settings';

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Issues a key for an app or agency; the key itself is returned once and only its hash is kept. */
export async function issueApiKey(db: Db, actor: StaffUser, owner: string, now: Date): Promise<string> {
  if (actor.role !== 'admin') throw new SettingsError('tidak_berwenang');
  const name = owner.trim();
  if (name.length < 3 || name.length > 100) throw new SettingsError('tidak_valid');
  const key = `adn_${randomBytes(24).toString('base64url')}`;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ owner: name, keyHash: hashKey(key), prefix: key.slice(0, 10), createdBy: actor.id, createdAt: now })
      .returning({ id: apiKeys.id });
    await tx.insert(auditLog).values({ actorUserId: actor.id, action: 'kunci_api.buat', targetType: 'api_key', targetId: String(row.id), data: { owner: name }, createdAt: now });
  });
  return key;
}

export async function revokeApiKey(db: Db, actor: StaffUser, id: number, now: Date): Promise<void> {
  if (actor.role !== 'admin') throw new SettingsError('tidak_berwenang');
  await db.transaction(async (tx) => {
    const [row] = await tx.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))).returning({ owner: apiKeys.owner });
    if (!row) throw new SettingsError('tidak_valid');
    await tx.insert(auditLog).values({ actorUserId: actor.id, action: 'kunci_api.cabut', targetType: 'api_key', targetId: String(id), data: { owner: row.owner }, createdAt: now });
  });
}

export async function listApiKeys(db: Db) {
  return db
    .select({ id: apiKeys.id, owner: apiKeys.owner, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .orderBy(desc(apiKeys.id));
}

/** The active key behind a presented key, or null. */
export async function findApiKey(db: Db, key: string): Promise<{ id: number; owner: string } | null> {
  if (!/^adn_[A-Za-z0-9_-]{20,60}$/.test(key)) return null;
  const [row] = await db
    .select({ id: apiKeys.id, owner: apiKeys.owner })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashKey(key)), isNull(apiKeys.revokedAt)));
  return row ?? null;
}
