import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import postgres from 'postgres';
import { createDatabase } from '@/db/connect';
import { migrate } from '@/db/migrate';
import { seedReference } from '@/db/seed/reference';
import { createRand } from '@/lib/demo/random';
import { importArchive } from '@/lib/import/archive';
import { readArchiveCsv } from '@/lib/import/read-csv';
import { loadRegions } from '@/lib/regions/jakarta';
import { intArg, parseArgs } from '../scripts/args';

// npm run bench:import -- [--rows 100000] [--sample ../shared/data/crm-2023-sample/reports.csv] [--keep]
// Writes a synthetic archive shaped like the CRM 2023 sample (its mix of categories, agencies,
// kelurahan and descriptions, its spelling variants, and the share of labels another slice of the
// archive did not match: about 2 % unknown categories and 5 % unknown agencies), then imports it
// into a fresh PostgreSQL database (BENCH_DATABASE_URL, default "aduan_bench_import" on the local
// server) and reports rows per second. A second run over the same file checks that nothing is
// imported twice. Not run in CI.
const args = parseArgs(process.argv.slice(2));
const rowsWanted = intArg(args, 'rows', 100_000);
const samplePath = resolve(args.get('sample') ?? join(process.env.ADUAN_SHARED_DIR ?? '../shared', 'data/crm-2023-sample/reports.csv'));
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/aduan_bench_import';

type Record6 = { report_id: string; date: string; kelurahan: string; category: string; agency: string; description: string };

/** The sample's rows, or (without it) rows made from the reference names alone. */
function shapeRows(): Record6[] {
  if (existsSync(samplePath)) return parse(readFileSync(samplePath), { columns: true }) as Record6[];
  console.log(`(contoh arsip tidak ada di ${samplePath}; baris dibuat dari nama rujukan)`);
  const kelurahan = loadRegions('kelurahan').features.map((f) => f.properties.name.toUpperCase());
  return kelurahan.map((k, i) => ({
    report_id: '',
    date: '',
    kelurahan: k,
    category: ['Jalan', 'Pohon', 'Parkir Liar', 'Sampah'][i % 4],
    agency: ['DINAS BINA MARGA', 'DINAS PERTAMANAN DAN HUTAN', 'DINAS PERHUBUNGAN', 'KELURAHAN'][i % 4],
    description: 'Mohon segera ditindaklanjuti.',
  }));
}

async function writeArchive(file: string): Promise<void> {
  const shape = shapeRows();
  const rand = createRand(2023);
  const pick = <T,>(list: T[]) => list[Math.floor(rand() * list.length)];
  const out = createWriteStream(file);
  out.write('report_id,date,kelurahan,category,agency,description\n');
  const perDay = Math.ceil(rowsWanted / 365);
  for (let i = 0; i < rowsWanted; i++) {
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(i / perDay) * 86_400_000);
    const ymd = day.toISOString().slice(0, 10);
    const number = `JK${ymd.slice(2).replace(/-/g, '')}${String((i % perDay) + 1).padStart(4, '0')}`;
    const row = pick(shape);
    const roll = rand();
    const category = roll < 0.02 ? `Kategori Lama ${1 + Math.floor(rand() * 40)}` : row.category;
    const agency = roll > 0.95 ? `UNIT PELAKSANA ${1 + Math.floor(rand() * 60)}` : row.agency;
    const kelurahan = rand() < 0.003 ? `KELURAHAN TIDAK ADA ${1 + Math.floor(rand() * 20)}` : `KELURAHAN ${pick(shape).kelurahan}`;
    const line = stringify([[number, ymd, kelurahan, category, agency, pick(shape).description]]);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const dir = mkdtempSync(join(tmpdir(), 'aduan-bench-import-'));
const file = join(dir, 'arsip.csv');
const t0 = Date.now();
await writeArchive(file);
console.log(`[bench:import] ${rowsWanted} baris sintetis ditulis dalam ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const name = new URL(url).pathname.slice(1);
const admin = postgres(new URL('/postgres', url).toString(), { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists ${name} with (force)`);
await admin.unsafe(`create database ${name}`);
await admin.end();
const database = createDatabase({ url });
await migrate(database);
await seedReference(database.db);

const runs: { label: string; seconds: number; imported: number; alreadyPresent: number; held: number; refused: number }[] = [];
for (const label of ['impor pertama', 'impor ulang']) {
  const started = Date.now();
  let lastLog = started;
  const summary = await importArchive(database.db, readArchiveCsv(createReadStream(file)), {
    source: 'arsip.csv',
    now: new Date(),
    onProgress: (done) => {
      if (Date.now() - lastLog < 5000) return;
      lastLog = Date.now();
      console.log(`[bench:import] ${label}: ${done} baris, ${Math.round(done / ((Date.now() - started) / 1000))} baris/s`);
    },
  });
  const seconds = (Date.now() - started) / 1000;
  runs.push({ label, seconds, imported: summary.imported, alreadyPresent: summary.alreadyPresent, held: summary.held, refused: summary.refused.length });
}
await database.close();
if (!args.has('keep')) rmSync(dir, { recursive: true, force: true });

for (const r of runs) {
  console.log(
    `[bench:import] ${r.label}: ${rowsWanted} baris dalam ${r.seconds.toFixed(1)} s (${Math.round(rowsWanted / r.seconds)} baris/s) · ` +
      `${r.imported} diimpor · ${r.alreadyPresent} sudah ada · ${r.held} ditahan · ${r.refused} ditolak`,
  );
}
const [first] = runs;
if (first.seconds > 60) {
  console.error(`[bench:import] lebih dari 60 s untuk ${rowsWanted} baris`);
  process.exitCode = 1;
}
