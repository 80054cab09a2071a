import { rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/connect';
import { seedPrivacyFixture } from '@/db/seed/privacy-fixture';
import { seedReference } from '@/db/seed/reference';
import { importArchive } from '@/lib/import/archive';
import { ArchiveFileError, readArchiveCsv } from '@/lib/import/read-csv';
import { INTAKE_MESSAGE } from '@/lib/intake/errors';
import { createTestDatabase } from '@/lib/testing/db';
import sharp from 'sharp';
import { declaredPng, hostileFile, hostileText, snapshot, tempMediaDir, zipOf } from '@/lib/testing/hostile';
import messagesId from '@/messages/id.json';
import messagesEn from '@/messages/en.json';

// The request context of a server action: each call comes from its own client address, the TCP
// peer that lib/server/peer-header.ts writes (so the per-address limits do not end the run early). Page caches are the Next.js server's; outside it
// revalidation is a no-op. Everything else — actions, validation, database — is the real code.
const client = vi.hoisted(() => ({ n: 0 }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-aduan-peer': `10.${(client.n >> 16) & 255}.${(client.n >> 8) & 255}.${client.n++ & 255}` }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {} }),
}));
vi.mock('next/cache', async (original) => ({ ...(await original<typeof import('next/cache')>()), revalidatePath: () => {}, revalidateTag: () => {} }));

const { submitReport, supportExistingReport } = await import('@/app/[locale]/lapor/actions');
const { trackingAction } = await import('@/app/[locale]/lacak/[nomor]/actions');
const { subscribeAction, unsubscribeAction } = await import('@/app/[locale]/ikuti/actions');
const { answerSurvey } = await import('@/app/[locale]/skm/actions');
(await import('@/lib/server/peer-header')).installPeerHeader();

let database: Database;
let mediaDir: string;
let numbers: { publicReport: string; privateReport: string; confidentialReport: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  numbers = await seedPrivacyFixture(database.db);
  mediaDir = tempMediaDir();
  Object.assign(process.env, { ADUAN_MEDIA_DIR: mediaDir, ADUAN_WARM_INDEXES: '0' });
  (globalThis as { aduanDb?: Database }).aduanDb = database;
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

/** The outcome code of an action that answers with a redirect (`?pesan=…`). */
async function redirectOutcome(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  const digest = (error as { digest?: string } | null)?.digest ?? '';
  expect(digest, `the action answered with ${String(error)}`).toMatch(/^NEXT_REDIRECT/);
  const url = new URL(digest.split(';')[2], 'http://aduan.test');
  return url.searchParams.get('pesan') ?? '';
}

function formOf(fields: Record<string, string | Buffer>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (Buffer.isBuffer(v)) form.append(k, new File([new Uint8Array(v)], 'foto.jpg', { type: 'image/jpeg' }));
    else form.append(k, real(v));
  }
  return form;
}

// the fixture's numbers are known only once it is seeded: the generators use stand-ins
const STAND_IN = { '#publik': 'publicReport', '#privat': 'privateReport', '#rahasia': 'confidentialReport' } as const;
const ticketNumber = () => fc.oneof(hostileText, fc.constantFrom(...(Object.keys(STAND_IN) as (keyof typeof STAND_IN)[])));
const real = (v: string) => (v in STAND_IN ? numbers[STAND_IN[v as keyof typeof STAND_IN]] : v);
const errorsId = (messagesId as { lapor: { errors: Record<string, string> } }).lapor.errors;
const errorsEn = (messagesEn as { lapor: { errors: Record<string, string> } }).lapor.errors;

describe('hostile input to the citizen report form (submitReport)', () => {
  const form = fc.record(
    {
      formToken: fc.oneof(hostileText, fc.constant('formulir-uji-abcdefghijklmn')),
      kategori: fc.oneof(hostileText, fc.constantFrom('jalan', 'pungli', 'tanpa-kategori')),
      deskripsi: fc.oneof(hostileText, fc.constant('Jalan berlubang besar di depan sekolah dasar.')),
      privasi: hostileText,
      lat: fc.oneof(hostileText, fc.double().map(String)),
      lng: fc.oneof(hostileText, fc.double().map(String)),
      kelurahan: fc.oneof(hostileText, fc.constant('31.71.01.1001')),
      alamat: hostileText,
      nama: hostileText,
      telepon: hostileText,
      email: hostileText,
      foto: hostileFile,
    },
    { requiredKeys: [] },
  );

  it('refuses with a message in both languages and writes nothing, or files the report; never a system error', async () => {
    await fc.assert(
      fc.asyncProperty(form, async (fields) => {
        const before = await snapshot(database, mediaDir);
        const result = await submitReport(null, formOf(fields));
        expect(result).not.toBeNull();
        if (result!.ok) return;
        expect(result!.formError?.id ?? '', 'no system error').not.toMatch(/gangguan|kode/i);
        for (const code of Object.values(result!.fieldErrors ?? {})) {
          expect(errorsId[code], `message for ${code}`).toBeTruthy();
          expect(errorsEn[code], `English message for ${code}`).toBeTruthy();
        }
        expect(result!.fieldErrors || result!.formError).toBeTruthy();
        expect(await snapshot(database, mediaDir)).toEqual(before);
      }),
      { numRuns: 120 },
    );
  });

  const photo = () => sharp({ create: { width: 400, height: 300, channels: 3, background: '#665544' } }).jpeg().toBuffer();
  it.each<[string, () => Promise<Buffer> | Buffer, string]>([
    ['an SVG with a script named foto.jpg', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'foto_tipe_tidak_didukung'],
    ['an HTML page named foto.jpg', () => Buffer.from('<!doctype html><script>alert(1)</script>'), 'foto_tipe_tidak_didukung'],
    ['a JPEG with a ZIP appended (polyglot)', async () => Buffer.concat([await photo(), zipOf('a.php', '<?= 1 ?>')]), 'foto_berisi_sisipan'],
    ['a JPEG with a script after its end (polyglot)', async () => Buffer.concat([await photo(), Buffer.from('<script>alert(1)</script>')]), 'foto_berisi_sisipan'],
    ['a 100-byte PNG declaring 50000 x 50000 pixels', () => declaredPng(50_000, 50_000), 'foto_resolusi_terlalu_besar'],
    ['a truncated JPEG', async () => (await photo()).subarray(0, 700), 'foto_rusak'],
  ])('refuses %s with its message and stores nothing', async (_label, make, code) => {
    const before = await snapshot(database, mediaDir);
    const result = await submitReport(
      null,
      formOf({ formToken: `unggah-uji-${code}-abcdefghijkl`.slice(0, 60), kategori: 'jalan', deskripsi: 'Jalan berlubang besar di depan sekolah dasar.', kelurahan: '31.71.01.1001', foto: await make() }),
    );
    expect(result).toEqual({ ok: false, fieldErrors: { foto: code } });
    expect(errorsId[code]).toMatch(/\w{4}/);
    expect(errorsEn[code]).toMatch(/\w{4}/);
    expect(await snapshot(database, mediaDir)).toEqual(before);
  });

  it('files the same form with an honest photo (so the refusals above are the photo\'s)', async () => {
    const result = await submitReport(null, formOf({ formToken: 'unggah-uji-jujur-abcdefghijkl', kategori: 'jalan', deskripsi: 'Jalan berlubang besar di depan sekolah dasar.', kelurahan: '31.71.01.1001', foto: await photo() }));
    expect(result).toMatchObject({ ok: true });
  });

  it('"dukung" with any number and contact: a known answer, never a system error', async () => {
    await fc.assert(
      fc.asyncProperty(ticketNumber(), hostileText, async (number, contact) => {
        const result = await supportExistingReport(real(number), contact);
        if (!result?.ok) expect(Object.values(INTAKE_MESSAGE)).toContainEqual(result!.message);
      }),
      { numRuns: 60 },
    );
  });
});

describe('hostile input to the private tracking actions (trackingAction)', () => {
  const fields = fc.record(
    {
      aksi: fc.oneof(hostileText, fc.constantFrom('informasi', 'konfirmasi', 'buka', 'sanggah', 'nilai', '__proto__', 'constructor')),
      nomor: ticketNumber(),
      kunci: hostileText,
      teks: hostileText,
      alasan: hostileText,
      skor: hostileText,
      komentar: hostileText,
      foto: hostileFile,
    },
    { requiredKeys: [] },
  );

  it('without the private key nothing changes, and every answer is a known outcome', async () => {
    await fc.assert(
      fc.asyncProperty(fields, async (f) => {
        const before = await snapshot(database, mediaDir);
        const outcome = await redirectOutcome(() => trackingAction(formOf(f)));
        expect(outcome).not.toMatch(/^gangguan/);
        expect(outcome).not.toMatch(/^ok_/);
        expect(await snapshot(database, mediaDir)).toEqual(before);
      }),
      { numRuns: 120 },
    );
  });
});

describe('hostile input to following an area and to the satisfaction survey', () => {
  it('subscribe / unsubscribe: a known outcome, never a system error', async () => {
    const fields = fc.record(
      { email: hostileText, wilayah: hostileText, nomor: ticketNumber(), lat: hostileText, lng: hostileText, radius: hostileText, frekuensi: hostileText, kategori: hostileText, kunci: hostileText },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fields, async (f) => {
        expect(await redirectOutcome(() => subscribeAction(formOf(f)))).not.toMatch(/^gangguan/);
        const before = await snapshot(database, mediaDir);
        expect(await redirectOutcome(() => unsubscribeAction(formOf(f)))).not.toMatch(/^gangguan/);
        expect(await snapshot(database, mediaDir)).toEqual(before);
      }),
      { numRuns: 80 },
    );
  });

  it('survey answers: a known outcome, never a system error', async () => {
    const answer = fc.oneof(hostileText, fc.integer({ min: -5, max: 9 }).map(String));
    const fields = fc.record(
      {
        unit: fc.oneof(hostileText, fc.constant('kel-31.71.01.1001')),
        nomor: ticketNumber(),
        kunci: hostileText,
        umur: hostileText,
        kelamin: hostileText,
        ...Object.fromEntries(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'].map((k) => [k, answer])),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fields, async (f) => {
        expect(await redirectOutcome(() => answerSurvey(formOf(f as Record<string, string>)))).not.toMatch(/^gangguan/);
      }),
      { numRuns: 60 },
    );
  });
});

describe('hostile CSV files to the historical import', () => {
  const header = 'report_id,date,kelurahan,category,agency,description';
  const cell = fc.oneof(hostileText, fc.constantFrom('JK2301010001', '2023-01-05', 'Gambir', 'Jalan Rusak', 'Dinas Bina Marga', '"', '""', '\r\n', ','));
  const csv = fc.oneof(
    fc.array(fc.array(cell, { minLength: 0, maxLength: 8 }), { maxLength: 8 }).map((rows) => [header, ...rows.map((r) => r.join(','))].join('\n')),
    hostileText,
  );

  it('every row is imported or refused with its line and a reason; a broken file stops with a message before any row', async () => {
    await fc.assert(
      fc.asyncProperty(csv, async (text) => {
        const before = await snapshot(database, mediaDir);
        let summary;
        try {
          summary = await importArchive(database.db, readArchiveCsv(Readable.from([Buffer.from(text)])), { source: 'uji.csv', now: new Date('2026-03-10T03:00:00Z') });
        } catch (error) {
          // scripts/import.ts prints these as "Berkas tidak dapat dibaca: …"
          expect(error, `unexpected ${String(error)}`).toBeInstanceOf(ArchiveFileError);
          expect((error as Error).message.length).toBeGreaterThan(5);
          const after = await snapshot(database, mediaDir);
          // csv-parse reads ahead: rows before a malformed quote may already be in
          expect(after.files).toBe(before.files);
          return;
        }
        for (const problem of summary.refused) {
          expect(problem.line).toBeGreaterThan(1);
          expect(problem.reason.length).toBeGreaterThan(5);
        }
        const after = await snapshot(database, mediaDir);
        expect(after.counts.reports - before.counts.reports).toBe(summary.imported);
      }),
      { numRuns: 30 },
    );
  });
});
