import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';
import { createReport } from './create-report';
import { CONFIRMATIONS_PER_HOUR, confirmSupport, normalizedContact, supporterKey, supportReport } from './support-report';

let database: Database;
let mediaDir: string;
const now = new Date('2026-08-03T03:00:00Z');
const site = 'https://aduan.test';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-dukung-'));
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

const newReport = async () => (await createReport(database.db, reportInput(), { now, storage: createDiskStorage(mediaDir), publicUrl: site })).number;
const support = (number: string, contact: string | null, browser = 'peramban-a') => supportReport(database.db, { number, contact, browser }, { now, site });
const one = async <T>(query: ReturnType<typeof sql>) => (await rowsOf<T>(database.db.execute(query)))[0];

/** What a ticket shows and holds about its supports. */
async function ticket(number: string) {
  return one<{ count: number; events: number; followers: string[]; messages: string[] }>(sql`
    select r.support_count as count,
      (select count(*)::int from report_events e where e.report_id = r.id and e.type = 'dukungan') as events,
      coalesce((select array_agg(s.contact order by s.contact) from report_subscribers s where s.report_id = r.id), '{}') as followers,
      coalesce((select array_agg(o.recipient order by o.id) from outbox o where o.report_id = r.id), '{}') as messages
    from reports r where r.number = ${number}`);
}
const tokenOf = async (number: string) =>
  (await one<{ token: string }>(sql`select s.token from report_supports s join reports r on r.id = s.report_id where r.number = ${number} and s.token is not null`)).token;

describe('"dukung" with a contact: double opt-in', () => {
  it('is followed and counted only after the contact confirms from the message sent to it', async () => {
    const number = await newReport();
    expect(await support(number, 'tetangga@contoh.id')).toEqual({ kind: 'menunggu_konfirmasi' });
    expect(await ticket(number)).toEqual({ count: 0, events: 0, followers: [], messages: ['tetangga@contoh.id'] });
    const token = await tokenOf(number);
    const [message] = await rowsOf<{ kind: string; subject: string; body: string }>(
      database.db.execute(sql`select kind, subject, body from outbox where recipient = 'tetangga@contoh.id'`),
    );
    expect(message).toMatchObject({ kind: 'email', subject: `Konfirmasi dukungan laporan ${number}` });
    expect(message.body).toContain(`${site}/dukung/konfirmasi?kunci=${token}`);

    expect(await confirmSupport(database.db, token, now)).toEqual({ number, supportCount: 1 });
    expect(await ticket(number)).toEqual({ count: 1, events: 1, followers: ['tetangga@contoh.id'], messages: ['tetangga@contoh.id'] });
    // the contact now lives only among the ticket's followers; the link worked once
    expect(await one(sql`select s.contact, s.token from report_supports s join reports r on r.id = s.report_id where r.number = ${number}`)).toEqual({ contact: null, token: null });
    await expect(confirmSupport(database.db, token, now)).rejects.toMatchObject({ code: 'tautan_dukungan_salah' });
    expect((await ticket(number)).count).toBe(1);
  });

  it('one contact supports a ticket once, however it is written; asking again sends nothing more', async () => {
    const number = await newReport();
    expect(await support(number, '0812-3456-7890', 'peramban-b')).toEqual({ kind: 'menunggu_konfirmasi' });
    for (const same of ['+62 812 3456 7890', '6281234567890', ' 081234567890 ']) {
      expect(await support(number, same, `peramban-${same}`)).toEqual({ kind: 'menunggu_konfirmasi' });
    }
    expect(await ticket(number)).toMatchObject({ count: 0, messages: ['081234567890'] });
    await confirmSupport(database.db, await tokenOf(number), now);
    // confirmed: the same answer as before (it never tells who supported), and nothing is counted twice
    expect(await support(number, '+6281234567890')).toEqual({ kind: 'menunggu_konfirmasi' });
    expect(await ticket(number)).toEqual({ count: 1, events: 1, followers: ['081234567890'], messages: ['081234567890'] });
    const [{ n }] = await rowsOf<{ n: number }>(database.db.execute(sql`select count(*)::int as n from report_supports s join reports r on r.id = s.report_id where r.number = ${number}`));
    expect(n).toBe(1);
  });

  it('e-mail addresses are one contact in any case', async () => {
    const number = await newReport();
    await support(number, 'Warga.Satu@Contoh.ID');
    await support(number, 'warga.satu@contoh.id');
    expect((await ticket(number)).messages).toEqual(['warga.satu@contoh.id']);
  });

  it('the supporter key is a keyed hash of the normalised contact, not the contact', () => {
    const key = supporterKey({ contact: normalizedContact('+62 812 3456 7890'), browser: 'x' }, 'rahasia');
    expect(key).toBe(supporterKey({ contact: normalizedContact('081234567890'), browser: 'y' }, 'rahasia'));
    expect(key).toMatch(/^kontak:/);
    expect(key).not.toContain('3456');
    expect(supporterKey({ contact: null, browser: 'x' }, 'rahasia')).toMatch(/^peramban:/);
  });

  it.each(['bukan kontak', '12345', 'warga@', '0712345678'])('refuses the contact %j and records nothing', async (contact) => {
    const number = await newReport();
    await expect(support(number, contact)).rejects.toMatchObject({ code: 'kontak_tidak_valid' });
    expect(await ticket(number)).toEqual({ count: 0, events: 0, followers: [], messages: [] });
  });

  it(`sends one contact at most ${CONFIRMATIONS_PER_HOUR} confirmations an hour, over all tickets`, async () => {
    const numbers = await Promise.all(Array.from({ length: CONFIRMATIONS_PER_HOUR + 1 }, newReport));
    for (const number of numbers.slice(0, -1)) expect(await support(number, 'korban.spam@contoh.id')).toEqual({ kind: 'menunggu_konfirmasi' });
    await expect(support(numbers.at(-1)!, 'korban.spam@contoh.id')).rejects.toMatchObject({ code: 'konfirmasi_terlalu_sering' });
    expect((await ticket(numbers.at(-1)!)).messages).toEqual([]);
  });
});

describe('"dukung" without a contact', () => {
  it('counts at once, once per browser', async () => {
    const number = await newReport();
    expect(await support(number, null, 'peramban-1')).toEqual({ kind: 'dihitung', supportCount: 1 });
    expect(await support(number, '', 'peramban-2')).toEqual({ kind: 'dihitung', supportCount: 2 });
    await expect(support(number, null, 'peramban-1')).rejects.toMatchObject({ code: 'sudah_didukung' });
    expect(await ticket(number)).toEqual({ count: 2, events: 2, followers: [], messages: [] });
  });

  it('supports only open public tickets', async () => {
    const closed = await newReport();
    await database.db.execute(sql`update reports set status = 'selesai', finished_at = ${now.toISOString()}::timestamptz where number = ${closed}`);
    await expect(support(closed, null)).rejects.toMatchObject({ code: 'laporan_tidak_ditemukan' });
    await expect(support('JK0000000000', 'warga@contoh.id')).rejects.toMatchObject({ code: 'laporan_tidak_ditemukan' });
    expect((await ticket(closed)).count).toBe(0);
  });
});
