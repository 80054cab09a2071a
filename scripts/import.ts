import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { createDatabase } from '@/db/connect';
import { migrate } from '@/db/migrate';
import { seedReference } from '@/db/seed/reference';
import { importArchive } from '@/lib/import/archive';
import { ArchiveFileError, readArchiveCsv } from '@/lib/import/read-csv';
import { parseArgs } from './args';

// npm run import -- path/to/reports.csv [--laporan problems.csv]
// Loads past reports (report_id, date, kelurahan, category, agency, description) into the database
// named by DATABASE_URL (or the embedded one in PGLITE_DIR, default .data/demo). Safe to run again.
const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
const args = parseArgs(process.argv.slice(2));
if (!file || !existsSync(file)) {
  console.error(`Berkas CSV tidak ditemukan: ${file ?? '(tidak diberikan)'}\nPakai: npm run import -- berkas.csv [--laporan masalah.csv]`);
  process.exit(2);
}
process.env.PGLITE_DIR ??= '.data/demo';
const database = createDatabase();
await migrate(database);
await seedReference(database.db);

const started = Date.now();
try {
  const summary = await importArchive(database.db, readArchiveCsv(createReadStream(file)), {
    source: basename(file),
    now: new Date(),
    onProgress: (done, s) => console.log(`[impor] ${done} baris dibaca: ${s.imported} diimpor, ${s.alreadyPresent} sudah ada, ${s.refused.length} ditolak`),
  });
  for (const p of summary.refused) console.log(`[impor] DITOLAK baris ${p.line} (${p.reportId || 'tanpa nomor'}): ${p.reason}`);
  for (const p of summary.warnings) console.log(`[impor] catatan baris ${p.line} (${p.reportId}): ${p.reason}`);
  const total = summary.imported + summary.alreadyPresent + summary.refused.length;
  console.log(
    `\nRingkasan ${basename(file)}: ${total} baris · ${summary.imported} diimpor · ${summary.alreadyPresent} sudah ada sebelumnya · ` +
      `${summary.refused.length} ditolak · ${summary.warnings.length} dengan catatan · ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const out = args.get('laporan');
  if (out) {
    const rows = [
      ...summary.refused.map((p) => [p.line, p.reportId, 'ditolak', p.reason]),
      ...summary.warnings.map((p) => [p.line, p.reportId, 'catatan', p.reason]),
    ];
    writeFileSync(out, stringify([['baris', 'report_id', 'jenis', 'alasan'], ...rows]));
    console.log(`Daftar masalah ditulis ke ${out}`);
  }
} catch (error) {
  if (error instanceof ArchiveFileError || (error as { code?: string }).code?.startsWith('CSV_')) {
    console.error(`Berkas tidak dapat dibaca: ${(error as Error).message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await database.close();
}
