import { resolve } from 'node:path';
import { defaultDataDir } from '@/db/connect';
import { BackupError, createBackup } from '@/lib/backup/backup';
import { mediaRoot } from '@/lib/media/storage';
import { parseArgs } from './args';

// npm run backup [-- --out backups/aduan-20260310-1000]
// PostgreSQL (DATABASE_URL): pg_dump in one snapshot with the portal running, plus the photo folder.
// PGlite: a copy of PGLITE_DIR, so stop the server first (PGlite is one process per directory).
const args = parseArgs(process.argv.slice(2));
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const out = resolve(args.get('out') ?? `backups/aduan-${stamp}`);
const databaseUrl = process.env.DATABASE_URL || undefined;
try {
  const started = Date.now();
  const manifest = await createBackup(
    { databaseUrl, pgliteDir: databaseUrl ? undefined : defaultDataDir(), mediaDir: mediaRoot() },
    out,
  );
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(
    `[cadangan] ${out}: ${manifest.kind}, ${Object.keys(manifest.tables).length} tables, ${rows} rows ` +
      `(${manifest.tables.reports ?? 0} reports), ${manifest.mediaFiles} photo files, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`[cadangan] checksum ${manifest.checksum}`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`[cadangan] ${error.message}`);
  process.exit(1);
}
