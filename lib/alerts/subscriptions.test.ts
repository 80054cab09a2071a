import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { seedReference } from '@/db/seed/reference';
import { createReport } from '@/lib/intake/create-report';
import { createDiskStorage } from '@/lib/media/storage';
import { createSenders } from '@/lib/notify/senders';
import { runOutboxOnce } from '@/lib/notify/worker';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';
import { startSmtpReceiver } from '@/lib/testing/receivers';
import { AlertError, confirmSubscription, listSubscriptions, manageKey, runAlertsOnce, subscribe, unsubscribe, type SubscribeInput } from './subscriptions';

let database: Database;
let mediaDir: string;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
const site = 'https://aduan.test';
const t0 = new Date('2026-03-10T01:00:00Z'); // 08:00 WIB

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-ikuti-'));
  smtp = await startSmtpReceiver();
});
afterAll(async () => {
  await smtp?.close();
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

async function fileInGambir(at: Date, name = 'Penanda Pelapor Rahasia') {
  return createReport(
    database.db,
    reportInput({ description: 'Jalan berlubang di depan stasiun.', reporterName: name, reporterPhone: '081277776666' }),
    { now: at, storage: createDiskStorage(mediaDir), publicUrl: site },
  );
}
const input = (change: Partial<SubscribeInput> = {}): SubscribeInput => ({
  email: 'rt05@contoh.id',
  regionCode: '31.71.01.1001',
  categories: [],
  lat: null,
  lng: null,
  radiusM: null,
  reportNumber: null,
  frequency: 'segera',
  ...change,
});
const tokenOf = async (email: string) =>
  (await rowsOf<{ token: string }>(database.db.execute(sql`select token from alert_subscriptions where email = ${email} order by id desc limit 1`)))[0].token;
const deliver = async (at: Date) => runOutboxOnce(database.db, createSenders({ ADUAN_SMTP_URL: smtp.url }), at, 50);

describe('area alerts', () => {
  it('subscribe → confirm → receive → unsubscribe, through a real SMTP server', async () => {
    await subscribe(database.db, input(), { now: t0, site });
    await fileInGambir(new Date(t0.getTime() + 60_000));
    // not confirmed: nothing but the confirmation
    expect(await runAlertsOnce(database.db, new Date(t0.getTime() + 120_000), site)).toBe(0);
    await deliver(new Date(Date.now() + 1000));
    const confirmation = smtp.messages.find((m) => m.raw.includes('Konfirmasi'))!;
    expect(confirmation.raw).toContain('/ikuti/konfirmasi?kunci=');
    expect(confirmation.raw).toMatch(/List-Unsubscribe:\s+<https:\/\/aduan\.test\/api\/ikuti\/berhenti\?kunci=/);

    await confirmSubscription(database.db, await tokenOf('rt05@contoh.id'), new Date(t0.getTime() + 200_000));
    const report = await fileInGambir(new Date(t0.getTime() + 240_000));
    expect(await runAlertsOnce(database.db, new Date(t0.getTime() + 300_000), site)).toBe(1);
    expect(await runAlertsOnce(database.db, new Date(t0.getTime() + 310_000), site)).toBe(0);
    await deliver(new Date(Date.now() + 1000));
    const alert = smtp.messages.find((m) => m.raw.includes(report.number))!;
    expect(alert.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    // never the reporter
    for (const m of smtp.messages) expect(m.raw).not.toMatch(/Penanda Pelapor Rahasia|081277776666/);

    await unsubscribe(database.db, await tokenOf('rt05@contoh.id'), new Date(t0.getTime() + 400_000));
    await fileInGambir(new Date(t0.getTime() + 500_000));
    expect(await runAlertsOnce(database.db, new Date(t0.getTime() + 600_000), site)).toBe(0);
    await expect(unsubscribe(database.db, await tokenOf('rt05@contoh.id'), new Date())).rejects.toThrow(new AlertError('kunci_salah'));
  });

  it('batches a daily digest from 07:00 WIB, once a day', async () => {
    const day = new Date('2026-03-11T20:00:00Z'); // 12 Mar, 03:00 WIB
    await subscribe(database.db, input({ email: 'digest@contoh.id', frequency: 'harian' }), { now: day, site });
    await confirmSubscription(database.db, await tokenOf('digest@contoh.id'), day);
    await fileInGambir(new Date(day.getTime() + 60_000));
    await fileInGambir(new Date(day.getTime() + 120_000));
    expect(await runAlertsOnce(database.db, new Date('2026-03-11T22:00:00Z'), site)).toBe(0); // 05:00 WIB
    expect(await runAlertsOnce(database.db, new Date('2026-03-12T00:30:00Z'), site)).toBe(1); // 07:30 WIB
    await fileInGambir(new Date('2026-03-12T01:00:00Z'));
    expect(await runAlertsOnce(database.db, new Date('2026-03-12T05:00:00Z'), site)).toBe(0); // same day
    expect(await runAlertsOnce(database.db, new Date('2026-03-13T00:30:00Z'), site)).toBe(1); // next morning
    const [digest] = await rowsOf<{ body: string }>(
      database.db.execute(sql`select body from outbox where recipient = 'digest@contoh.id' and subject like '%laporan baru%' order by id limit 1`),
    );
    expect(digest.body.match(/• JK/g)).toHaveLength(2);
  });

  it('limits confirmations per hour, and the manage link lists an address\u2019s subscriptions', async () => {
    const now = new Date('2026-03-20T03:00:00Z');
    for (let i = 0; i < 3; i++) await subscribe(database.db, input({ email: 'banyak@contoh.id', regionCode: `31.71.01.100${i + 1}` }), { now, site });
    await expect(subscribe(database.db, input({ email: 'banyak@contoh.id', regionCode: '31.71.01.1005' }), { now, site })).rejects.toThrow(new AlertError('terlalu_sering'));
    expect(await listSubscriptions(database.db, 'banyak@contoh.id', manageKey('banyak@contoh.id'))).toHaveLength(3);
    await expect(listSubscriptions(database.db, 'banyak@contoh.id', 'salah')).rejects.toThrow(new AlertError('kunci_salah'));
  });
});
