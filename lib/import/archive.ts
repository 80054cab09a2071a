import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { agencies, categories, regions, reportEvents, reports } from '@/db/schema';
import { officeCode } from '@/lib/reference/agencies';
import { CATEGORIES } from '@/lib/reference/categories';
import { loadRegions } from '@/lib/regions/jakarta';
import { createAreaSampler } from '@/lib/regions/sample';
import { createRand } from '@/lib/demo/random';
import { withoutNulFields } from '@/lib/intake/clean-text';

/**
 * Historical import of reports from the CRM's archive (report_id, date, kelurahan, category,
 * agency, description). Names are matched tolerantly; every row is either imported, found
 * already imported, or refused with its line number and reason.
 */

export interface ArchiveRow {
  /** The first line of the record in the file (a description may span several). */
  line: number;
  record: Record<string, string | undefined>;
}

export interface RowProblem {
  line: number;
  reportId: string;
  reason: string;
}

export interface ImportSummary {
  imported: number;
  alreadyPresent: number;
  refused: RowProblem[];
  /** Imported, with something to know (e.g. an agency not recognised: the kelurahan holds it). */
  warnings: RowProblem[];
}

/** Lower case, no accents, no punctuation or spaces: "KELURAHAN  Kebon-Kacang" and "kebon kacang" meet. */
export function normalizeName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
const squash = (value: string) => normalizeName(value).replace(/ /g, '');
const REGION_PREFIX = /^(kelurahan|kel|desa|kecamatan|kec)\b\.?\s*/i;

/** A name and its variants: without a parenthesis, and the abbreviation inside one ("… (PPSU)"). */
function variants(name: string): string[] {
  const out = [name];
  const paren = /^(.*?)\s*\(([^)]*)\)\s*(.*)$/.exec(name);
  if (paren) out.push(`${paren[1]} ${paren[3]}`, paren[2]);
  return [...new Set(out.map(squash).filter(Boolean))];
}

export interface Matchers {
  kelurahan(name: string): { code: string; kecamatanCode: string; kotaCode: string } | 'ambiguous' | null;
  category(name: string): string | null;
  agency(name: string, kelurahanCode: string): { id: number; code: string } | null;
}

export async function buildMatchers(db: Db): Promise<Matchers> {
  const [kelurahanRows, categoryRows, agencyRows] = await Promise.all([
    db.select({ code: regions.code, name: regions.name, parent: regions.parentCode }).from(regions).where(eq(regions.level, 'kelurahan')),
    db.select({ code: categories.code, nameId: categories.nameId, nameEn: categories.nameEn }).from(categories),
    db.select({ id: agencies.id, code: agencies.code, name: agencies.name, kind: agencies.kind, parentId: agencies.parentId, regionCode: agencies.regionCode }).from(agencies),
  ]);
  const kelurahan = new Map<string, (typeof kelurahanRows)[number] | 'ambiguous'>();
  for (const k of kelurahanRows) {
    const key = squash(k.name.replace(REGION_PREFIX, ''));
    kelurahan.set(key, kelurahan.has(key) ? 'ambiguous' : k);
  }
  const categoryIndex = new Map<string, string>();
  const aliases = new Map(CATEGORIES.map((c) => [c.code, c.aliases ?? []]));
  for (const c of categoryRows) {
    for (const name of [c.code, c.nameId, c.nameEn, ...(aliases.get(c.code) ?? [])]) {
      for (const v of variants(name)) if (!categoryIndex.has(v)) categoryIndex.set(v, c.code);
    }
  }
  const byId = new Map(agencyRows.map((a) => [a.id, a]));
  const byCode = new Map(agencyRows.map((a) => [a.code, a]));
  const words = (name: string) => new Set(normalizeName(name).split(' ').filter((w) => w !== 'dan' && w !== 'dki' && w !== 'jakarta'));
  const provincial = agencyRows.filter((a) => a.kind !== 'kelurahan' && a.kind !== 'kecamatan' && a.kind !== 'walikota' && a.kind !== 'sudin');
  return {
    kelurahan(name) {
      const hit = kelurahan.get(squash(name.replace(REGION_PREFIX, '')));
      if (!hit || hit === 'ambiguous') return hit ?? null;
      return { code: hit.code, kecamatanCode: hit.parent!, kotaCode: hit.parent!.slice(0, 5) };
    },
    category(name) {
      for (const v of variants(name)) {
        const code = categoryIndex.get(v);
        if (code) return code;
      }
      return null;
    },
    agency(name, kelurahanCode) {
      const n = normalizeName(name);
      if (n === 'kelurahan') return byCode.get(officeCode.kelurahan(kelurahanCode)) ?? null;
      if (n === 'kecamatan') return byCode.get(officeCode.kecamatan(kelurahanCode.slice(0, 8))) ?? null;
      // a Dinas whose name holds every word of the record's (or the reverse: "… dan Hutan" for "… dan Hutan Kota")
      const given = words(name);
      const dinas = provincial.find((a) => {
        const own = words(a.name);
        return [...given].every((w) => own.has(w)) || [...own].every((w) => given.has(w));
      });
      if (!dinas) return null;
      // handled in the report's kota by the Dinas's Suku Dinas when it has one
      const sudin = byCode.get(officeCode.sudin(dinas.code, kelurahanCode.slice(0, 5)));
      return sudin && byId.get(sudin.parentId ?? -1)?.id === dinas.id ? sudin : dinas;
    },
  };
}

const REPORT_ID = /^JK\d{10}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
let samplers: Map<string, ReturnType<typeof createAreaSampler>> | null = null;

/** A point inside the kelurahan, the same one every time for the same report. */
function standInPoint(kelurahanCode: string, reportId: string) {
  samplers ??= new Map(loadRegions('kelurahan').features.map((f) => [f.properties.code, createAreaSampler(f.geometry)]));
  const seed = createHash('sha256').update(reportId).digest().readUInt32BE(0);
  const point = samplers.get(kelurahanCode)!(createRand(seed));
  return { lat: Number(point.lat.toFixed(6)), lng: Number(point.lng.toFixed(6)) };
}

/**
 * Imports rows one by one (each with its timeline event, in one transaction). Imported reports
 * keep their CRM number and date, are public as they were on the CRM, sit at a stand-in point
 * inside their kelurahan (flagged approximate), and are held by the matched agency. Their outcome
 * is not in the archive, so they stay in process without service deadlines: they never count as
 * late or finished.
 */
export async function importArchive(
  db: Db,
  rows: AsyncIterable<ArchiveRow>,
  options: { source: string; now: Date; onProgress?: (done: number, summary: ImportSummary) => void },
): Promise<ImportSummary> {
  const match = await buildMatchers(db);
  const summary: ImportSummary = { imported: 0, alreadyPresent: 0, refused: [], warnings: [] };
  let done = 0;
  for await (const { line, record: raw } of rows) {
    const record = withoutNulFields(raw);
    const reportId = (record.report_id ?? '').trim().toUpperCase();
    const refuse = (reason: string) => summary.refused.push({ line, reportId, reason });
    done++;
    if (done % 100 === 0) options.onProgress?.(done, summary);
    if (!REPORT_ID.test(reportId)) {
      refuse('report_id tidak valid (harus JK + 10 angka)');
      continue;
    }
    const date = (record.date ?? '').trim();
    if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T12:00:00+07:00`))) {
      refuse(`tanggal tidak valid: "${date}"`);
      continue;
    }
    const description = (record.description ?? '').trim();
    if (description.length < 3) {
      refuse('deskripsi kosong');
      continue;
    }
    const place = match.kelurahan(record.kelurahan ?? '');
    if (place === 'ambiguous') {
      refuse(`nama kelurahan "${record.kelurahan}" dipakai lebih dari satu kelurahan`);
      continue;
    }
    if (!place) {
      refuse(`kelurahan tidak dikenal: "${record.kelurahan ?? ''}"`);
      continue;
    }
    const categoryCode = match.category(record.category ?? '');
    if (!categoryCode) {
      refuse(`kategori tidak dikenal: "${record.category ?? ''}"`);
      continue;
    }
    const [category] = await db.select({ isConfidential: categories.isConfidential }).from(categories).where(eq(categories.code, categoryCode));
    let holder = match.agency(record.agency ?? '', place.code);
    if (!holder) {
      summary.warnings.push({ line, reportId, reason: `instansi tidak dikenal: "${record.agency ?? ''}"; ditangani kelurahan` });
      holder = match.agency('kelurahan', place.code);
    }
    const createdAt = new Date(`${date}T12:00:00+07:00`);
    const point = standInPoint(place.code, reportId);
    const outcome = await db.transaction(async (tx) => {
      const [existing] = await tx.select({ channel: reports.channelCode }).from(reports).where(eq(reports.number, reportId));
      if (existing) return existing.channel === 'impor' ? 'already' : 'taken';
      const [report] = await tx
        .insert(reports)
        .values({
          number: reportId,
          channelCode: 'impor',
          channelRef: reportId,
          categoryCode,
          description: description.slice(0, 5000),
          isPublic: !category.isConfidential,
          isConfidential: category.isConfidential,
          ...point,
          locationApproximate: true,
          kelurahanCode: place.code,
          kecamatanCode: place.kecamatanCode,
          kotaCode: place.kotaCode,
          status: 'proses',
          handlingAgencyId: holder?.id ?? null,
          lastActivityAt: createdAt,
          createdAt,
          updatedAt: options.now,
        })
        .onConflictDoNothing()
        .returning({ id: reports.id });
      if (!report) return 'already';
      await tx.insert(reportEvents).values({
        reportId: report.id,
        type: 'dibuat',
        toStatus: 'proses',
        actorLabel: 'sistem',
        body: 'Diimpor dari arsip; riwayat penanganan tidak tercatat di arsip.',
        data: { imported: options.source, line, agency: record.agency ?? null },
        createdAt,
      });
      return 'imported';
    });
    if (outcome === 'taken') refuse('nomor sudah dipakai laporan lain (bukan impor)');
    else if (outcome === 'already') summary.alreadyPresent++;
    else summary.imported++;
  }
  options.onProgress?.(done, summary);
  return summary;
}
