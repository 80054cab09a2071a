import { createDatabase, type Database } from './connect';

export type { Db, Database } from './connect';

const globalForDb = globalThis as unknown as { aduanDb?: Database; aduanReadDb?: Database };

/**
 * The process-wide database. PGlite (embedded, one connection) when DATABASE_URL is unset,
 * PostgreSQL through the `postgres` driver when it is set. Every write, and every read that must
 * see a write just made (ticket pages, tracking, staff, Open311), uses this primary.
 */
export function getDatabase(): Database {
  globalForDb.aduanDb ??= createDatabase();
  return globalForDb.aduanDb;
}

export function getDb() {
  return getDatabase().db;
}

/**
 * The connection for public reads that may lag the primary by a moment (lists, searches,
 * exports, feeds): a read replica at DATABASE_READ_URL when set, otherwise the primary itself.
 */
export function getReadDatabase(): Database {
  globalForDb.aduanReadDb ??= readDatabaseFor(getDatabase());
  return globalForDb.aduanReadDb;
}

export function getReadDb() {
  return getReadDatabase().db;
}

/** The read connection beside `primary`: its own pool on the replica, or the primary (PGlite has no replicas). */
export function readDatabaseFor(primary: Database, env: Record<string, string | undefined> = process.env): Database {
  const url = env.DATABASE_READ_URL?.trim();
  if (!url || primary.kind !== 'postgres') return primary;
  return createDatabase({ url, maxConnections: Number(env.DATABASE_READ_POOL_SIZE ?? env.DATABASE_POOL_SIZE ?? 10) });
}
