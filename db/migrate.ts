import { resolve } from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Database } from './connect';
import { syncReference } from './seed/reference-sync';

const migrationsFolder = resolve(/*turbopackIgnore: true*/ process.env.ADUAN_MIGRATIONS_DIR ?? 'drizzle');

/**
 * Applies the committed drizzle-kit migrations, then adds the agencies, categories and channels
 * of the reference data that a seeded database lacks; safe to run on every start.
 */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
  }
  await syncReference(database.db);
}
