import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { createDatabase } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import {
  compareFingerprints,
  fingerprint,
  mediaFingerprint,
  tableFingerprint,
  type Fingerprint,
} from './fingerprint';

/** Where the portal keeps its state: one database (PostgreSQL or a PGlite directory) and the photo directory. */
export interface Store {
  databaseUrl?: string;
  pgliteDir?: string;
  mediaDir: string;
}

export interface Manifest extends Fingerprint {
  format: 1;
  createdAt: string;
  kind: 'postgres' | 'pglite';
}

export class BackupError extends Error {}

/**
 * Writes a backup into `out` (which must be new or empty): `database.dump` (pg_dump, custom
 * format) or `pglite/` (a copy of the data directory, taken while no server uses it), `media/`
 * (the photo files) and `manifest.json` (row counts and checksums for restore to verify). On
 * PostgreSQL the checksums are taken in the very snapshot pg_dump reads, so a backup of a running
 * portal is consistent; photos are copied after the dump, so every photo the dump refers to is
 * there (photos are written before their rows and never changed).
 */
export async function createBackup(source: Store, out: string): Promise<Manifest> {
  if (!source.databaseUrl) {
    // PGlite keeps postmaster.pid while a process has the directory open (and after a crash, until opened and closed again)
    if (existsSync(join(source.pgliteDir!, 'postmaster.pid'))) {
      throw new BackupError(
        'PGlite sedang dipakai atau tidak ditutup dengan baik: hentikan server dulu / PGlite is in use or was not closed cleanly: stop the server first',
      );
    }
    if (!existsSync(join(source.pgliteDir!, 'PG_VERSION')))
      throw new BackupError(
        `bukan folder data PGlite / not a PGlite data folder: ${source.pgliteDir}`,
      );
  }
  await ensureEmptyDir(out, 'folder cadangan sudah berisi / the backup folder is not empty');
  await mkdir(out, { recursive: true });
  let tables: Pick<Fingerprint, 'tables' | 'checksum'>;
  if (source.databaseUrl) {
    const database = createDatabase({ url: source.databaseUrl, maxConnections: 1 });
    try {
      tables = await database.db.transaction(
        async (tx) => {
          const [{ id }] = await rowsOf<{ id: string }>(
            tx.execute(sql`select pg_export_snapshot() as id`),
          );
          await run('pg_dump', [
            '--format=custom',
            '--no-owner',
            `--snapshot=${id}`,
            `--file=${join(out, 'database.dump')}`,
            `--dbname=${source.databaseUrl}`,
          ]);
          return tableFingerprint(tx);
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
    } finally {
      await database.close();
    }
  } else {
    await cp(source.pgliteDir!, join(out, 'pglite'), { recursive: true });
    const copy = createDatabase({ dataDir: join(out, 'pglite') });
    try {
      tables = await copy.db.transaction((tx) => tableFingerprint(tx));
    } finally {
      await copy.close();
    }
  }
  await cp(source.mediaDir, join(out, 'media'), { recursive: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    },
  );
  await mkdir(join(out, 'media'), { recursive: true });
  const manifest: Manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    kind: source.databaseUrl ? 'postgres' : 'pglite',
    ...tables,
    ...(await mediaFingerprint(join(out, 'media'))),
  };
  await writeFile(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/**
 * Restores a backup into an empty database (created when it does not exist) or a new PGlite
 * directory, and an empty photo directory; then checks the result against the manifest and
 * throws when anything differs.
 */
export async function restoreBackup(dir: string, target: Store): Promise<Manifest> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== 1)
    throw new BackupError('format cadangan tidak dikenal / unknown backup format');
  if ((manifest.kind === 'postgres') !== Boolean(target.databaseUrl)) {
    throw new BackupError(
      manifest.kind === 'postgres'
        ? 'cadangan PostgreSQL: setel DATABASE_URL / a PostgreSQL backup: set DATABASE_URL'
        : 'cadangan PGlite: kosongkan DATABASE_URL, setel PGLITE_DIR / a PGlite backup: unset DATABASE_URL, set PGLITE_DIR',
    );
  }
  await ensureEmptyDir(
    target.mediaDir,
    'folder foto tujuan tidak kosong / the target photo folder is not empty',
  );
  if (target.databaseUrl) {
    await ensureEmptyDatabase(target.databaseUrl);
    await run('pg_restore', [
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${target.databaseUrl}`,
      join(dir, 'database.dump'),
    ]);
  } else {
    await ensureEmptyDir(
      target.pgliteDir!,
      'folder PGlite tujuan tidak kosong / the target PGlite folder is not empty',
    );
    await cp(join(dir, 'pglite'), target.pgliteDir!, { recursive: true });
  }
  await mkdir(target.mediaDir, { recursive: true });
  await cp(join(dir, 'media'), target.mediaDir, { recursive: true });
  const database = createDatabase({
    url: target.databaseUrl,
    dataDir: target.pgliteDir,
    maxConnections: 1,
  });
  try {
    const problems = compareFingerprints(manifest, await fingerprint(database.db, target.mediaDir));
    if (problems.length > 0)
      throw new BackupError(
        `hasil pemulihan berbeda / the restore differs from the backup:\n${problems.join('\n')}`,
      );
  } finally {
    await database.close();
  }
  return manifest;
}

async function ensureEmptyDir(path: string, message: string) {
  const entries = await readdir(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length > 0) throw new BackupError(`${message}: ${path}`);
}

async function ensureEmptyDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) {
      await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
      return;
    }
  } finally {
    await admin.end();
  }
  const target = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [{ n }] = await target<{ n: number }[]>`
      select count(*)::int as n from information_schema.tables where table_schema in ('public', 'drizzle')`;
    if (n > 0)
      throw new BackupError(
        `basis data tujuan tidak kosong / the target database is not empty: ${name}`,
      );
  } finally {
    await target.end();
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (error) =>
      reject(
        new BackupError(
          `${command} tidak dapat dijalankan / cannot run ${command}: ${error.message}`,
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`${command} gagal / failed (${code}):\n${stderr.trim()}`)),
    );
  });
}
