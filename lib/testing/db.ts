import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createDatabase, type Database } from '@/db/connect';
import { migrate } from '@/db/migrate';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the server named by DATABASE_URL (dropped again by `close`).
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // a copy of the database the run migrated once (lib/testing/global-setup.ts)
    const template = inject('pgliteTemplate');
    if (template) return createDatabase({ dataDir: 'memory://', template: new Blob([await readFile(template)]) });
    const database = createDatabase({ dataDir: 'memory://' });
    await migrate(database);
    return database;
  }
  const name = `aduan_test_${randomBytes(5).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = createDatabase({ url: testUrl.toString(), maxConnections: 20 });
  await migrate(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
