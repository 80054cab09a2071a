import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { createDatabase } from '@/db/connect';
import { migrate } from '@/db/migrate';
import { seedReference } from '@/db/seed/reference';
import { importArchive, type ImportSummary } from '@/lib/import/archive';
import { ArchiveFileError, readArchiveCsv } from '@/lib/import/read-csv';
import { parseArgs } from './args';

// npm run import -- path/to/reports.csv [--laporan problems.csv]
// Loads past reports (report_id, date, kelurahan, category, agency, description) into the database
// named by DATABASE_URL (or the embedded one in PGLITE_DIR, default .data/demo). Safe to run again.
// Only rows without a usable number or date are refused; rows whose labels match nothing are
// imported and held until an admin maps the label (/petugas/atur/label).
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

const KIND_NAME = { kategori: 'kategori', instansi: 'instansi', kelurahan: 'kelurahan' } as const;
const started = Date.now();
const seconds = () => (Date.now() - started) / 1000;
const line = (s: ImportSummary) =>
  `${s.imported} diimpor · ${s.alreadyPresent} sudah ada sebelumnya · ${s.refused.length} ditolak · ${s.held} ditahan (label belum dikenal)`;
let lastReport = 0;
try {
  console.log(`[impor] ${basename(file)} (${(statSync(file).size / 1e6).toFixed(1)} MB) ke ${database.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}`);
  const summary = await importArchive(database.db, readArchiveCsv(createReadStream(file)), {
    source: basename(file),
    now: new Date(),
    onProgress: (done, s) => {
      // at most one line every 2 s, so a large archive shows it moves without flooding the log
      if (Date.now() - lastReport < 2000) return;
      lastReport = Date.now();
      console.log(`[impor] ${done} baris dibaca (${Math.round(done / Math.max(seconds(), 0.001))} baris/s): ${line(s)}`);
    },
  });
  for (const p of summary.refused) console.log(`[impor] DITOLAK baris ${p.line} (${p.reportId || 'tanpa nomor'}): ${p.reason}`);
  if (summary.unmatched.length) {
    console.log(`\nLabel yang belum dikenal (laporannya tetap diimpor dan ditahan sampai admin memetakan labelnya di /petugas/atur/label):`);
    for (const u of summary.unmatched.slice(0, 30)) console.log(`  ${KIND_NAME[u.kind].padEnd(9)} ${String(u.rows).padStart(6)} × "${u.label}"`);
    if (summary.unmatched.length > 30) console.log(`  … dan ${summary.unmatched.length - 30} label lain (lihat --laporan)`);
  }
  const out = args.get('laporan');
  if (out) {
    const rows = [
      ...summary.refused.map((p) => [p.line, p.reportId, 'ditolak', p.reason]),
      ...summary.warnings.map((p) => [p.line, p.reportId, 'catatan', p.reason]),
    ];
    writeFileSync(out, stringify([['baris', 'report_id', 'jenis', 'alasan'], ...rows]));
    console.log(`Daftar masalah ditulis ke ${out}`);
  } else if (summary.warnings.length) {
    console.log(`${summary.warnings.length} catatan per baris; tulis daftarnya dengan --laporan berkas.csv`);
  }
  const total = summary.imported + summary.alreadyPresent + summary.refused.length;
  const rate = Math.round(total / Math.max(seconds(), 0.001));
  // the last line is the summary (CI checks that a second run imports nothing)
  console.log(`\nRingkasan ${basename(file)}: ${total} baris · ${line(summary)} · ${seconds().toFixed(1)} s (${rate} baris/s)`);
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
