import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { bulkInsert, rowsOf } from '@/db/bulk';
import { archiveLabels, reportEvents, type ReferenceKind } from '@/db/schema';
import { createRand } from '@/lib/demo/random';
import { withoutNulFields } from '@/lib/intake/clean-text';
import { loadRegions } from '@/lib/regions/jakarta';
import { createAreaSampler } from '@/lib/regions/sample';
import { planRow, type RowPlan } from './archive-row';
import { loadMatchers, type ReferenceLookups } from './matchers';

/**
 * Historical import of reports from the CRM's archive (report_id, date, kelurahan, category,
 * agency, description). Every row with a usable number and date is imported; its labels are kept
 * verbatim (archive_labels) and, where one matches nothing, the report is held and the label
 * listed for an admin to map (lib/import/label-mapping.ts). Rows are written a batch per
 * transaction, so a large archive loads quickly and a run stopped midway can simply be repeated.
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

export interface UnmatchedLabel {
  kind: ReferenceKind;
  label: string;
  rows: number;
}

export interface ImportSummary {
  imported: number;
  alreadyPresent: number;
  refused: RowProblem[];
  /** Imported rows held because one of their labels matched nothing. */
  held: number;
  /** The labels of this run that matched nothing, most rows first. */
  unmatched: UnmatchedLabel[];
  /** Imported, with something to know (a label not recognised, a date unlike the number's). */
  warnings: RowProblem[];
}

const BATCH = 1000;
let samplers: Map<string, ReturnType<typeof createAreaSampler>> | null = null;

/** A point inside the kelurahan, the same one every time for the same report. */
export function standInPoint(kelurahanCode: string, reportId: string) {
  samplers ??= new Map(loadRegions('kelurahan').features.map((f) => [f.properties.code, createAreaSampler(f.geometry)]));
  const seed = createHash('sha256').update(reportId).digest().readUInt32BE(0);
  const point = samplers.get(kelurahanCode)!(createRand(seed));
  return { lat: Number(point.lat.toFixed(6)), lng: Number(point.lng.toFixed(6)) };
}

/**
 * Imported reports keep their CRM number and date and are public as they were on the CRM. A placed
 * one sits at a stand-in point inside its kelurahan (flagged approximate) and is in process with
 * the unit the archive names; its outcome is not in the archive, so it has no service deadlines
 * and never counts as late or finished. One without a known kelurahan waits in triage.
 */
export async function importArchive(
  db: Db,
  rows: AsyncIterable<ArchiveRow>,
  options: { source: string; now: Date; onProgress?: (done: number, summary: ImportSummary) => void },
): Promise<ImportSummary> {
  const match = await loadMatchers(db);
  const summary: ImportSummary = { imported: 0, alreadyPresent: 0, refused: [], held: 0, unmatched: [], warnings: [] };
  const labels = new Map<string, UnmatchedLabel>();
  let batch: { line: number; plan: RowPlan }[] = [];
  let done = 0;
  const flush = async () => {
    await writeBatch(db, batch, { match, summary, labels, ...options });
    batch = [];
    options.onProgress?.(done, summary);
  };
  for await (const { line, record } of rows) {
    done++;
    const outcome = planRow(withoutNulFields(record), match);
    if (!outcome.ok) {
      summary.refused.push({ line, reportId: outcome.number, reason: outcome.reason });
      continue;
    }
    batch.push({ line, plan: outcome.plan });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  summary.unmatched = [...labels.values()].sort((a, b) => b.rows - a.rows || a.label.localeCompare(b.label));
  return summary;
}

interface BatchContext {
  match: ReferenceLookups;
  summary: ImportSummary;
  /** The unmatched labels of the run so far, by kind and key. */
  labels: Map<string, UnmatchedLabel>;
  source: string;
  now: Date;
}

/** Writes one batch in one transaction: the reports, their timeline's first event and their labels. */
async function writeBatch(db: Db, batch: { line: number; plan: RowPlan }[], { match, summary, labels, ...options }: BatchContext) {
  const fresh = new Map<string, { line: number; plan: RowPlan }>();
  for (const row of batch) {
    if (fresh.has(row.plan.number)) summary.alreadyPresent++;
    else fresh.set(row.plan.number, row);
  }
  if (fresh.size === 0) return;
  const written = await db.transaction(async (tx) => {
    const existing = await rowsOf<{ number: string; channel: string }>(
      tx.execute(sql`select number, channel_code as channel from reports
        where number in (select value from json_array_elements_text(${JSON.stringify([...fresh.keys()])}::json))`),
    );
    for (const { number, channel } of existing) {
      const row = fresh.get(number)!;
      fresh.delete(number);
      if (channel === 'impor') summary.alreadyPresent++;
      else summary.refused.push({ line: row.line, reportId: number, reason: 'nomor sudah dipakai laporan lain (bukan impor)' });
    }
    if (fresh.size === 0) return [];
    const values = [...fresh.values()].map(({ plan }) => reportValues(plan, match, options.now));
    const inserted = await rowsOf<{ id: number; number: string }>(
      tx.execute(sql`
        insert into reports (number, channel_code, channel_ref, category_code, description, is_public, is_confidential, lat, lng,
          location_approximate, kelurahan_code, kecamatan_code, kota_code, status, handling_agency_id, last_activity_at, created_at, updated_at)
        select number, channel_code, channel_ref, category_code, description, is_public, is_confidential, lat, lng,
          location_approximate, kelurahan_code, kecamatan_code, kota_code, status, handling_agency_id, last_activity_at, created_at, updated_at
        from json_populate_recordset(null::reports, ${JSON.stringify(values)}::json)
        on conflict do nothing
        returning id, number`),
    );
    const rowsWritten = inserted.map(({ id, number }) => ({ id: Number(id), ...fresh.get(number)! }));
    await bulkInsert(
      tx,
      reportEvents,
      rowsWritten.map(({ id, line, plan }) => ({
        reportId: id,
        type: 'dibuat' as const,
        toStatus: plan.place ? ('proses' as const) : ('menunggu' as const),
        actorLabel: 'sistem',
        body: 'Diimpor dari arsip; riwayat penanganan tidak tercatat di arsip.',
        data: { imported: options.source, line },
        createdAt: plan.createdAt,
      })),
    );
    await bulkInsert(
      tx,
      archiveLabels,
      rowsWritten.map(({ id, line, plan }) => ({
        reportId: id,
        source: options.source,
        line,
        kelurahan: plan.labels.kelurahan,
        category: plan.labels.kategori,
        agency: plan.labels.instansi,
        kelurahanKey: plan.unmatched.kelurahan,
        categoryKey: plan.unmatched.kategori,
        agencyKey: plan.unmatched.instansi,
      })),
    );
    // a number the same run wrote a moment ago in another batch is a twin too
    summary.alreadyPresent += fresh.size - rowsWritten.length;
    return rowsWritten;
  });
  for (const { line, plan } of written) {
    summary.imported++;
    if (Object.values(plan.unmatched).some((k) => k !== null)) summary.held++;
    for (const reason of plan.notes) summary.warnings.push({ line, reportId: plan.number, reason });
    for (const kind of ['kelurahan', 'kategori', 'instansi'] as const) {
      const key = plan.unmatched[kind];
      if (key === null) continue;
      const entry = labels.get(`${kind}:${key}`) ?? { kind, label: plan.labels[kind].trim(), rows: 0 };
      entry.rows++;
      labels.set(`${kind}:${key}`, entry);
    }
  }
}

function reportValues(plan: RowPlan, match: ReferenceLookups, now: Date) {
  const isConfidential = match.confidential.has(plan.categoryCode);
  const point = plan.place ? standInPoint(plan.place.kelurahanCode, plan.number) : { lat: null, lng: null };
  return {
    number: plan.number,
    channel_code: 'impor',
    channel_ref: plan.number,
    category_code: plan.categoryCode,
    description: plan.description.slice(0, 5000),
    is_public: !isConfidential,
    is_confidential: isConfidential,
    ...point,
    location_approximate: plan.place !== null,
    kelurahan_code: plan.place?.kelurahanCode ?? null,
    kecamatan_code: plan.place?.kecamatanCode ?? null,
    kota_code: plan.place?.kotaCode ?? null,
    status: plan.place ? 'proses' : 'menunggu',
    handling_agency_id: plan.holderCode ? (match.agencyIds.get(plan.holderCode) ?? null) : null,
    last_activity_at: plan.createdAt.toISOString(),
    created_at: plan.createdAt.toISOString(),
    updated_at: now.toISOString(),
  };
}
