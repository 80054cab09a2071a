import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema';

/** A database or a transaction: every query function takes one of these first. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
}

export interface ConnectOptions {
  /** postgres:// URL; when absent, PGlite is used. */
  url?: string;
  /** PGlite data directory, or 'memory://'. */
  dataDir?: string;
  /** PGlite: start from this dumped data directory (a tar file's contents). */
  template?: Blob;
  maxConnections?: number;
}

export function defaultDataDir(): string {
  return resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DIR ?? '.data/pglite');
}

export function createDatabase(options: ConnectOptions = {}): Database {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, {
      max: options.maxConnections ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const dataDir = options.dataDir ?? defaultDataDir();
  if (!dataDir.startsWith('memory://')) mkdirSync(dirname(dataDir), { recursive: true });
  const client = new PGlite(dataDir, options.template ? { loadDataDir: options.template } : {});
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}
