import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import { seedDemoUsers } from '@/db/seed/users';
import { createReport } from '@/lib/intake/create-report';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { runEscalationOnce } from './escalate';

let database: Database;
let mediaDir: string;
const filed = new Date('2026-03-02T03:00:00Z'); // Monday 10:00 WIB
const at = (days: number, hours = 0) => new Date(filed.getTime() + (days * 24 + hours) * 3_600_000);

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoUsers(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-sla-'));
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

let token = 0;
async function fileAtMonas(): Promise<string> {
  const { number } = await createReport(
    database.db,
    {
      formToken: `eskalasi-${++token}-abcdefgh`,
      channelCode: 'web',
      categoryCode: 'jalan',
      description: 'Lampu jalan mati sepanjang trotoar sejak minggu lalu.',
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
    { now: filed, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' },
  );
  return number;
}

const ladder = (number: string) =>
  rowsOf<{ body: string; level: number; created_at: Date }>(
    database.db.execute(sql`select e.body, (e.data->>'level')::int as level, e.created_at from report_events e
      join reports r on r.id = e.report_id where r.number = ${number} and e.type = 'eskalasi' order by e.id`),
  );
const mails = (number: string) =>
  rowsOf<{ recipient: string }>(
    database.db.execute(sql`select o.recipient from outbox o join reports r on r.id = o.report_id
      where r.number = ${number} and o.subject like 'Eskalasi%' order by o.id`),
  );

describe('runEscalationOnce', () => {
  it('takes the 7-day deadline from the default policy', async () => {
    const number = await fileAtMonas();
    const [r] = await rowsOf<{ due_at: Date; first_response_due_at: Date }>(
      database.db.execute(sql`select due_at, first_response_due_at from reports where number = ${number}`),
    );
    expect(new Date(r.due_at)).toEqual(at(7));
    expect(new Date(r.first_response_due_at)).toEqual(at(1));
  });

  it('climbs kecamatan → walikota → Balai Kota one step per overdue day, telling each unit once', async () => {
    const number = await fileAtMonas();
    await runEscalationOnce(database.db, at(6, 23));
    expect(await ladder(number)).toEqual([]);

    await runEscalationOnce(database.db, at(7, 1));
    expect((await ladder(number)).map((e) => e.level)).toEqual([1]);
    expect((await ladder(number))[0].body).toBe('Melewati batas waktu; dieskalasi ke Kecamatan Gambir.');
    expect(await mails(number)).toEqual([{ recipient: 'camat.gambir@aduan.test' }]);

    await runEscalationOnce(database.db, at(7, 2));
    expect(await ladder(number)).toHaveLength(1);

    await runEscalationOnce(database.db, at(8, 1));
    await runEscalationOnce(database.db, at(9, 1));
    const steps = await ladder(number);
    expect(steps.map((e) => e.level)).toEqual([1, 2, 3]);
    expect(steps[1].body).toContain('Walikota Jakarta Pusat');
    expect(steps[2].body).toContain('Balai Kota');
    expect((await mails(number)).map((m) => m.recipient)).toEqual(['camat.gambir@aduan.test', 'walikota.pusat@aduan.test', 'admin@aduan.test']);

    await runEscalationOnce(database.db, at(40));
    expect(await ladder(number)).toHaveLength(3);
    // escalation is not the unit's activity: the silence clock keeps running
    const [{ last }] = await rowsOf<{ last: Date }>(database.db.execute(sql`select last_activity_at as last from reports where number = ${number}`));
    expect(new Date(last)).toEqual(filed);
  });

  it('writes every step once even when found far overdue by two workers at the same moment', async () => {
    const number = await fileAtMonas();
    const results = await Promise.all([runEscalationOnce(database.db, at(9, 5)), runEscalationOnce(database.db, at(9, 5))]);
    expect((await ladder(number)).map((e) => e.level)).toEqual([1, 2, 3]);
    expect(results.reduce((a, r) => a + r.steps, 0)).toBe(3);
  });

  it('leaves finished tickets and tickets within an estimated date alone', async () => {
    const done = await fileAtMonas();
    const estimated = await fileAtMonas();
    await database.db.execute(sql`update reports set status = 'selesai', finished_at = ${at(3).toISOString()}::timestamptz where number = ${done}`);
    await database.db.execute(sql`update reports set estimated_completion_at = ${at(20).toISOString()}::timestamptz where number = ${estimated}`);
    await runEscalationOnce(database.db, at(12));
    expect(await ladder(done)).toEqual([]);
    expect(await ladder(estimated)).toEqual([]);
    await runEscalationOnce(database.db, at(20, 2));
    expect((await ladder(estimated)).map((e) => e.level)).toEqual([1]);
  });
});
