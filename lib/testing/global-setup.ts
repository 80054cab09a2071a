import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '@/db/connect';
import { migrate } from '@/db/migrate';

declare module 'vitest' {
  interface ProvidedContext {
    /** a migrated PGlite data directory as a tar file, or '' on PostgreSQL */
    pgliteTemplate: string;
  }
}

/**
 * On PGlite, the migrations run once for the whole run (about 4 s) instead of once per test
 * file: each test database starts from a copy of this migrated one (lib/testing/db.ts).
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteTemplate', '');
    return;
  }
  const database = createDatabase({ dataDir: 'memory://' });
  await migrate(database);
  const dump = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
  await database.close();
  const dir = mkdtempSync(join(tmpdir(), 'aduan-test-db-'));
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
