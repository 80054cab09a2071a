import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import { createTestDatabase } from '@/lib/testing/db';
import { processImage } from '@/lib/media/process-image';
import { createDiskStorage } from '@/lib/media/storage';
import { consumeRateLimit } from '@/lib/security/rate-limit';
import { createReport, type CreateReportInput } from './create-report';
import { IntakeError } from './errors';
import { rateReport, reopenReport } from './tracking';
import { supportReport } from './support-report';

let database: Database;
let mediaDir: string;
const now = new Date('2026-03-10T03:00:00Z'); // 10:00 WIB

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-media-'));
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

let token = 0;
const input = (change: Partial<CreateReportInput> = {}): CreateReportInput => ({
  formToken: `uji-token-${++token}-abcdefgh`,
  channelCode: 'web',
  categoryCode: 'jalan',
  description: 'Jalan berlubang besar di depan sekolah dasar.',
  isPublic: true,
  lat: -6.1754,
  lng: 106.8272,
  kelurahanCode: null,
  address: null,
  reporterName: null,
  reporterPhone: null,
  reporterEmail: null,
  photos: [],
  ...change,
});
const deps = () => ({ now, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' });
const one = async <T>(q: ReturnType<typeof sql>) => (await rowsOf<T>(database.db.execute(q)))[0];

describe('createReport', () => {
  it('routes a point at Monas to Kelurahan Gambir and numbers it JK+YYMMDD+0001', async () => {
    const created = await createReport(database.db, input(), deps());
    expect(created.number).toBe('JK2603100001');
    const row = await one<{ kelurahan_code: string; status: string; agency: string; events: number }>(sql`
      select r.kelurahan_code, r.status::text, a.name as agency,
             (select count(*)::int from report_events e where e.report_id = r.id and e.type = 'dibuat') as events
      from reports r join agencies a on a.id = r.handling_agency_id where r.number = ${created.number}`);
    expect(row).toEqual({ kelurahan_code: '31.71.01.1001', status: 'menunggu', agency: 'Kelurahan Gambir', events: 1 });
  });

  it('routes by the chosen kelurahan when there is no point', async () => {
    const created = await createReport(database.db, input({ lat: null, lng: null, kelurahanCode: '31.74.01.1001', address: 'Jl. Contoh 1' }), deps());
    const row = await one<{ kecamatan_code: string; kota_code: string }>(sql`select kecamatan_code, kota_code from reports where number = ${created.number}`);
    expect(row).toEqual({ kecamatan_code: '31.74.01', kota_code: '31.74' });
  });

  it.each([
    ['a point in the sea', { lat: -5.9, lng: 106.85 }, 'di_luar_jakarta'],
    ['no location', { lat: null, lng: null }, 'lokasi_wajib'],
    ['an unknown kelurahan', { lat: null, lng: null, kelurahanCode: '31.99.99.9999' }, 'kelurahan_tidak_dikenal'],
    ['an unknown category', { categoryCode: 'hantu' }, 'kategori_tidak_dikenal'],
  ])('refuses %s and stores nothing', async (_label, change, code) => {
    const before = await one<{ n: number }>(sql`select count(*)::int as n from reports`);
    await expect(createReport(database.db, input(change), deps())).rejects.toMatchObject({ code });
    await expect(createReport(database.db, input(change), deps())).rejects.toBeInstanceOf(IntakeError);
    expect(await one<{ n: number }>(sql`select count(*)::int as n from reports`)).toEqual(before);
  });

  it('sends confidential categories to Inspektorat, never public', async () => {
    const created = await createReport(database.db, input({ categoryCode: 'pungli', isPublic: true }), deps());
    const row = await one<{ is_public: boolean; is_confidential: boolean; agency: string }>(sql`
      select r.is_public, r.is_confidential, a.code as agency from reports r join agencies a on a.id = r.handling_agency_id where number = ${created.number}`);
    expect(row).toEqual({ is_public: false, is_confidential: true, agency: 'inspektorat' });
  });

  it('numbers confidential tickets JKR… in their own series, leaving the public series gap-free', async () => {
    const day = { ...deps(), now: new Date('2026-03-12T03:00:00Z') };
    const numbers = [];
    for (const categoryCode of ['jalan', 'pungli', 'sampah']) numbers.push((await createReport(database.db, input({ categoryCode }), day)).number);
    expect(numbers).toEqual(['JK2603120001', 'JKR2603120001', 'JK2603120002']);
    const counters = await one<{ public: number; confidential: number; confidential_row: boolean }>(sql`
      select (select last from ticket_sequences where day = '2026-03-12') as public,
             (select last from confidential_ticket_sequences where day = '2026-03-12') as confidential,
             (select is_confidential from reports where number = 'JKR2603120001') as confidential_row`);
    expect(counters).toEqual({ public: 2, confidential: 1, confidential_row: true });
  });

  it('puts the JKR number into the confirmation of a confidential ticket', async () => {
    const created = await createReport(database.db, input({ categoryCode: 'pungli', reporterEmail: 'pelapor@contoh.id' }), { ...deps(), now: new Date('2026-03-13T03:00:00Z') });
    expect(created.number).toBe('JKR2603130001');
    const outbox = await one<{ subject: string; body: string }>(sql`
      select o.subject, o.body from outbox o join reports r on r.id = o.report_id where r.number = ${created.number}`);
    expect(outbox.subject).toBe('Laporan JKR2603130001 diterima');
    expect(outbox.body).toContain(`http://aduan.test/lacak/JKR2603130001?kunci=${created.trackingKey}`);
  });

  it('gives a retried submission (same form token) the same ticket and key, once', async () => {
    const same = input();
    const [a, b] = await Promise.all([createReport(database.db, same, deps()), createReport(database.db, same, deps())]);
    const c = await createReport(database.db, same, deps());
    expect(new Set([a.number, b.number, c.number]).size).toBe(1);
    expect(c.trackingKey).toBe(a.trackingKey);
    expect(await one<{ n: number }>(sql`select count(*)::int as n from reports where idempotency_key = ${same.formToken}`)).toEqual({ n: 1 });
  });

  it('numbers 200 concurrent submissions distinctly and without gaps, even with failed ones among them', async () => {
    const day = new Date('2026-03-11T03:00:00Z');
    // every tenth fails inside its transaction after taking a number (a channel that does not exist)
    const settled = await Promise.allSettled(
      Array.from({ length: 220 }, (_, i) =>
        createReport(database.db, input(i % 11 === 10 ? { channelCode: 'tidak-ada' } : {}), { ...deps(), now: day }),
      ),
    );
    const results = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const unexpected = settled.flatMap((r, i) => (r.status === 'rejected' && i % 11 !== 10 ? [`${i}: ${String(r.reason?.cause ?? r.reason)}`] : []));
    expect(unexpected).toEqual([]);
    expect([results.length, settled.length - results.length]).toEqual([200, 20]);
    const sequences = results.map((r) => Number(r.number.slice(8))).sort((x, y) => x - y);
    expect(results.every((r) => r.number.startsWith('JK260311'))).toBe(true);
    expect(sequences).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // the day's counter stands at 200, and every stored ticket has its first event
    const day11 = await one<{ last: number; reports: number; with_event: number }>(sql`
      select (select last from ticket_sequences where day = '2026-03-11') as last,
             count(*)::int as reports,
             count(*) filter (where exists (select 1 from report_events e where e.report_id = r.id and e.type = 'dibuat'))::int as with_event
      from reports r where r.number like 'JK260311%'`);
    expect(day11).toEqual({ last: 200, reports: 200, with_event: 200 });
  });

  it('stores photos re-encoded with a thumbnail, and queues the confirmation to the reporter', async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const created = await createReport(
      database.db,
      input({ photos: [await processImage(jpeg)], reporterEmail: 'warga@contoh.id' }),
      deps(),
    );
    const photo = await one<{ storage_key: string; thumb_key: string; kind: string; phash: string }>(sql`
      select a.storage_key, a.thumb_key, a.kind::text, a.phash from attachments a join reports r on r.id = a.report_id where r.number = ${created.number}`);
    expect(photo.kind).toBe('sebelum');
    expect(photo.phash).toMatch(/^[0-9a-f]{16}$/);
    const stored = await createDiskStorage(mediaDir).get(photo.storage_key);
    expect(stored).not.toBeNull();
    const outbox = await one<{ recipient: string; body: string }>(sql`
      select o.recipient, o.body from outbox o join reports r on r.id = o.report_id where r.number = ${created.number}`);
    expect(outbox.recipient).toBe('warga@contoh.id');
    expect(outbox.body).toContain(`http://aduan.test/lacak/${created.number}?kunci=${created.trackingKey}`);
  });

  it('removes the photo files of a submission that was not stored', async () => {
    const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#aa0000' } }).jpeg().toBuffer();
    const countFiles = () => readdirSync(mediaDir, { recursive: true }).filter((f) => String(f).match(/\.(webp|jpg)$/)).length;
    const before = countFiles();
    // a category that passes the lookup but breaks the insert: a channel that does not exist
    await expect(createReport(database.db, input({ photos: [await processImage(jpeg)], channelCode: 'tidak-ada' }), deps())).rejects.toThrow();
    expect(countFiles()).toBe(before);
  });
});

describe('support, reopen and rating', () => {
  it('counts a support, once per browser (the confirmed supports with a contact: support-report.test.ts)', async () => {
    const created = await createReport(database.db, input(), deps());
    const support = (browser: string) => supportReport(database.db, { number: created.number, contact: null, browser }, { now, site: 'http://aduan.test' });
    expect(await support('peramban-satu')).toEqual({ kind: 'dihitung', supportCount: 1 });
    expect(await support('peramban-dua')).toEqual({ kind: 'dihitung', supportCount: 2 });
    await expect(support('peramban-satu')).rejects.toMatchObject({ code: 'sudah_didukung' });
  });

  it('reopens within 14 days of Selesai, not after, and rates once', async () => {
    const created = await createReport(database.db, input({ reporterPhone: '081234567890' }), deps());
    const finish = (at: Date) =>
      database.db.execute(sql`update reports set status = 'selesai', finished_at = ${at.toISOString()}::timestamptz where number = ${created.number}`);
    await expect(reopenReport(database.db, created.number, 'kunci-salah-kunci-salah-1234', 'belum', now)).rejects.toMatchObject({ code: 'kunci_salah' });
    await finish(new Date(now.getTime() - 15 * 86_400_000));
    await expect(reopenReport(database.db, created.number, created.trackingKey, 'masih berlubang', now)).rejects.toMatchObject({ code: 'tidak_bisa_dibuka_kembali' });
    await finish(new Date(now.getTime() - 2 * 86_400_000));
    await reopenReport(database.db, created.number, created.trackingKey, 'masih berlubang', now);
    const row = await one<{ status: string; reopen_count: number; sms: number }>(sql`
      select status::text, reopen_count, (select count(*)::int from outbox o where o.report_id = r.id and o.kind = 'sms') as sms
      from reports r where number = ${created.number}`);
    expect(row).toEqual({ status: 'proses', reopen_count: 1, sms: 2 });
    await finish(now);
    await rateReport(database.db, created.number, created.trackingKey, 4, 'cepat', now);
    await expect(rateReport(database.db, created.number, created.trackingKey, 5, null, now)).rejects.toMatchObject({ code: 'sudah_dinilai' });
  });
});

describe('rate limit', () => {
  it('allows the configured number per window, then refuses with a retry time', async () => {
    const rule = { action: 'uji', limit: 3, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consumeRateLimit(database.db, rule, '10.0.0.1', now));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect((await consumeRateLimit(database.db, rule, '10.0.0.2', now)).allowed).toBe(true);
    expect((await consumeRateLimit(database.db, rule, '10.0.0.1', new Date(now.getTime() + 61_000))).allowed).toBe(true);
  });
});
