import { resolve } from 'node:path';
import { defaultDataDir } from '@/db/connect';
import { BackupError, restoreBackup } from '@/lib/backup/backup';
import { mediaRoot } from '@/lib/media/storage';

// npm run restore -- backups/aduan-20260310-1000
// Into DATABASE_URL (an empty or not yet existing database) or a new PGLITE_DIR, and an empty
// ADUAN_MEDIA_DIR; then compares row counts, checksums and photo files with the backup's manifest.
const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('npm run restore -- <folder cadangan / backup folder>');
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL || undefined;
try {
  const started = Date.now();
  const manifest = await restoreBackup(resolve(dir), {
    databaseUrl,
    pgliteDir: databaseUrl ? undefined : defaultDataDir(),
    mediaDir: mediaRoot(),
  });
  console.log(
    `[pulihkan] ${manifest.kind} backup of ${manifest.createdAt} restored in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${manifest.tables.reports ?? 0} reports, ${manifest.mediaFiles} photo files; counts and checksums match`,
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`[pulihkan] ${error.message}`);
  process.exit(1);
}
