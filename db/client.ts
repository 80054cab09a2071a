import { createDatabase, type Database } from './connect';

export type { Db, Database } from './connect';

const globalForDb = globalThis as unknown as { aduanDb?: Database };

/**
 * The process-wide database. PGlite (embedded, one connection) when DATABASE_URL is unset,
 * PostgreSQL through the `postgres` driver when it is set.
 */
export function getDatabase(): Database {
  globalForDb.aduanDb ??= createDatabase();
  return globalForDb.aduanDb;
}

export function getDb() {
  return getDatabase().db;
}
