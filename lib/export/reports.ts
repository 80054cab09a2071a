import { CSV_BOM, toCsv } from '@/lib/export/csv';
import type { PublicReport } from '@/db/queries/public';
import { shortRegionName } from '@/lib/regions/names';

export const CSV_COLUMNS = [
  'nomor',
  'status',
  'kategori',
  'kanal',
  'kelurahan',
  'kecamatan',
  'kota',
  'lat',
  'lng',
  'dilaporkan',
  'selesai',
  'ditangani_oleh',
  'dukungan',
  'deskripsi',
] as const;

function csvRow(r: PublicReport): (string | number | null)[] {
  return [
    r.number,
    r.status,
    r.categoryName,
    r.channelCode,
    r.kelurahanName,
    r.kecamatanName,
    r.kotaName && shortRegionName(r.kotaName),
    r.lat,
    r.lng,
    r.createdAt.toISOString(),
    r.finishedAt?.toISOString() ?? null,
    r.handlingAgencyName,
    r.supportCount,
    r.description,
  ];
}

export function csvHeader(): string {
  return `${CSV_BOM}${toCsv([CSV_COLUMNS])}`;
}

/** Text cells are neutralised against spreadsheet formulas (lib/export/csv.ts); coordinates and counts stay numbers. */
export function csvLines(batch: PublicReport[]): string {
  return toCsv(batch.map(csvRow));
}

export function geoJsonFeature(r: PublicReport): string {
  return JSON.stringify({
    type: 'Feature',
    geometry: r.lat !== null && r.lng !== null ? { type: 'Point', coordinates: [r.lng, r.lat] } : null,
    properties: {
      nomor: r.number,
      status: r.status,
      kategori: r.categoryName,
      kategori_kode: r.categoryCode,
      kanal: r.channelCode,
      kelurahan: r.kelurahanName,
      kelurahan_kode: r.kelurahanCode,
      kecamatan: r.kecamatanName,
      kota: r.kotaName && shortRegionName(r.kotaName),
      dilaporkan: r.createdAt.toISOString(),
      selesai: r.finishedAt?.toISOString() ?? null,
      ditangani_oleh: r.handlingAgencyName,
      dukungan: r.supportCount,
      deskripsi: r.description,
      perkiraan_lokasi: !r.isPublic,
    },
  });
}

/** Streams an export: header, each batch, footer; batches come from the database as they are read. */
export function streamExport(
  batches: AsyncIterable<PublicReport[]>,
  format: { header: string; encode: (batch: PublicReport[], isFirst: boolean) => string; footer: string },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let isFirst = true;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(format.header));
      }
      const next = await iterator.next();
      if (next.done) {
        controller.enqueue(encoder.encode(format.footer));
        controller.close();
        return;
      }
      if (next.value.length > 0) {
        controller.enqueue(encoder.encode(format.encode(next.value, isFirst)));
        isFirst = false;
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
