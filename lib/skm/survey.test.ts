import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import type { StaffUser } from '@/lib/auth/permissions';
import { createReport } from '@/lib/intake/create-report';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { openPeriod, periodResults, quarterOf, SkmError, submitResponse, unitResults } from './survey';

let database: Database;
let mediaDir: string;
let admin: StaffUser;
let periodId: number;
const now = new Date('2026-11-20T03:00:00Z');
const GAMBIR = 'kel-31.71.01.1001';

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-skm-'));
  const [row] = await rowsOf<{ id: number }>(database.db.execute(sql`insert into users (email, name, password_hash, role) values ('admin@skm.test', 'Admin', 'x', 'admin') returning id`));
  admin = { id: row.id, role: 'admin', regionCode: null, agencyId: null, agencyParentId: null };
  periodId = await openPeriod(database.db, admin, { ...quarterOf(now), minRespondents: 3, unitKinds: ['kelurahan'] }, now);
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

const answers = (v: number) => Array.from({ length: 9 }, () => v);
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('SKM survey', () => {
  it('opens a quarter for every unit of the chosen kinds; only admins may', async () => {
    expect(quarterOf(now)).toEqual({ name: 'Triwulan IV 2026', startsOn: '2026-10-01', endsOn: '2026-12-31' });
    const lurah: StaffUser = { ...admin, role: 'lurah' };
    await expect(openPeriod(database.db, lurah, { ...quarterOf(now), minRespondents: 3, unitKinds: ['kelurahan'] }, now)).rejects.toThrow(new SkmError('tidak_berwenang'));
    const [{ n }] = await rowsOf<{ n: number }>(database.db.execute(sql`select count(*)::int as n from skm_period_units where period_id = ${periodId}`));
    expect(n).toBe(267);
  });

  it('counts valid responses into the index, and grades only with enough respondents', async () => {
    await submitResponse(database.db, { unitCode: GAMBIR, answers: answers(4), senderKey: 'a' }, at(0));
    await submitResponse(database.db, { unitCode: GAMBIR, answers: answers(3), senderKey: 'b' }, at(1));
    let [result] = await unitResults(database.db, await unitId(GAMBIR));
    // below the minimum of three only the count is published
    expect(result).toMatchObject({ respondents: 2, ikm: null, grade: null, elementMeans: [], enough: false });
    expect((await periodResults(database.db, periodId))!.units.find((u) => u.code === GAMBIR)).toMatchObject({ respondents: 2, ikm: null, grade: null, elementMeans: [] });
    await submitResponse(database.db, { unitCode: GAMBIR, answers: [4, 4, 4, 4, 4, 3, 3, 3, 3], senderKey: 'c' }, at(2));
    [result] = await unitResults(database.db, await unitId(GAMBIR));
    expect(result).toMatchObject({ respondents: 3, enough: true, grade: 'B' });
    expect(result.ikm).toBe(87.96);
    expect(result.elementMeans).toHaveLength(9);
    const period = await periodResults(database.db, periodId);
    expect(period!.units[0]).toMatchObject({ code: GAMBIR, respondents: 3 });
  });

  it('publishes only the count below the minimum: the CSV export has no index, grade or element means', async () => {
    (globalThis as { aduanDb?: Database }).aduanDb = database;
    const { GET } = await import('@/app/api/skm.csv/route');
    const few = 'kel-31.71.01.1003';
    await submitResponse(database.db, { unitCode: few, answers: answers(1), senderKey: 'm1' }, at(3));
    await submitResponse(database.db, { unitCode: few, answers: answers(2), senderKey: 'm2' }, at(4));
    const response = await GET(new NextRequest(`http://aduan.test/api/skm.csv?periode=${periodId}`));
    const rows = parse(await response.text(), { bom: true }) as string[][];
    expect(rows[0].slice(2, 6)).toEqual(['responden', 'ditandai', 'ikm', 'mutu']);
    expect(rows.find((r) => r[0] === few)!.slice(2)).toEqual(['2', '0', '', '', ...Array(9).fill('')]);
    expect(rows.find((r) => r[0] === GAMBIR)!.slice(2, 6)).toEqual(['3', '0', '87.96', 'B']);
  });

  it('flags a sender answering the same unit again, and a burst of identical answers, without counting them', async () => {
    const unit = 'kel-31.71.01.1002';
    expect(await submitResponse(database.db, { unitCode: unit, answers: answers(2), senderKey: 'x' }, at(0))).toEqual({ flagReason: null });
    expect(await submitResponse(database.db, { unitCode: unit, answers: answers(3), senderKey: 'x' }, at(5))).toEqual({ flagReason: 'pengirim_berulang' });
    for (const [i, sender] of ['p', 'q'].entries()) await submitResponse(database.db, { unitCode: unit, answers: answers(4), senderKey: sender }, at(6 + i));
    // two identical before: a third is still counted, a fourth within ten minutes is not
    expect(await submitResponse(database.db, { unitCode: unit, answers: answers(4), senderKey: 'r' }, at(8))).toEqual({ flagReason: null });
    expect(await submitResponse(database.db, { unitCode: unit, answers: answers(4), senderKey: 's' }, at(9))).toEqual({ flagReason: 'jawaban_kembar_beruntun' });
    const [result] = await unitResults(database.db, await unitId(unit));
    expect(result).toMatchObject({ respondents: 4, flagged: 2 });
  });

  it('takes one response per finished ticket, for the unit that handled it', async () => {
    const created = await createReport(
      database.db,
      {
        formToken: 'skm-tiket-abcdefghijkl',
        channelCode: 'web',
        categoryCode: 'jalan',
        description: 'Jalan berlubang di depan sekolah.',
        isPublic: true,
        lat: -6.1754,
        lng: 106.8272,
        kelurahanCode: null,
        address: null,
        reporterName: null,
        reporterPhone: null,
        reporterEmail: null,
        photos: [],
      },
      { now, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' },
    );
    const ticket = { number: created.number, key: created.trackingKey };
    await expect(submitResponse(database.db, { unitCode: GAMBIR, answers: answers(4), senderKey: null, ticket }, at(20))).rejects.toThrow(new SkmError('belum_selesai'));
    await database.db.execute(sql`update reports set status = 'selesai', finished_at = now() where number = ${created.number}`);
    await expect(submitResponse(database.db, { unitCode: 'kel-31.71.01.1002', answers: answers(4), senderKey: null, ticket }, at(21))).rejects.toThrow(new SkmError('kunci_salah'));
    await submitResponse(database.db, { unitCode: GAMBIR, answers: answers(4), senderKey: null, ticket }, at(22));
    await expect(submitResponse(database.db, { unitCode: GAMBIR, answers: answers(1), senderKey: null, ticket }, at(23))).rejects.toThrow(new SkmError('sudah_diisi'));
  });

  it('refuses incomplete answers, unknown units and units without an open survey', async () => {
    await expect(submitResponse(database.db, { unitCode: GAMBIR, answers: [4, 4], senderKey: null }, now)).rejects.toThrow(new SkmError('jawaban_tidak_valid'));
    await expect(submitResponse(database.db, { unitCode: 'tidak-ada', answers: answers(4), senderKey: null }, now)).rejects.toThrow(new SkmError('unit_tidak_ada'));
    await expect(submitResponse(database.db, { unitCode: 'bina-marga', answers: answers(4), senderKey: null }, now)).rejects.toThrow(new SkmError('tidak_ada_survei'));
  });
});

async function unitId(code: string): Promise<number> {
  const [row] = await rowsOf<{ id: number }>(database.db.execute(sql`select id from agencies where code = ${code}`));
  return row.id;
}
