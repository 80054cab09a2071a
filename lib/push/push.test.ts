import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import webpush from 'web-push';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { listOutbox } from '@/db/queries/outbox';
import { findLatestPublicReports, getPublicReport, getPublicTimeline } from '@/db/queries/public';
import type { StaffProfile } from '@/db/queries/staff';
import { appSettings, outbox, pushSubscriptions, reports } from '@/db/schema';
import { createReport } from '@/lib/intake/create-report';
import { notifySubscribers } from '@/lib/intake/tracking';
import { createDiskStorage } from '@/lib/media/storage';
import { createSenders } from '@/lib/notify/senders';
import { runOutboxOnce } from '@/lib/notify/worker';
import { performStaffAction } from '@/lib/staff/perform-action';
import { triageReport } from '@/lib/staff/triage';
import { createTestDatabase } from '@/lib/testing/db';
import { startPushTestService, type PushTestService, type PushTestSubscription } from '@/lib/testing/push-service';
import { reportInput } from '@/lib/testing/reports';
import { seedDemoStaff } from '@/lib/testing/staff';
import { handlePushRequest } from './http';
import { citizenPushOwner, staffPushOwner } from './opt-in';
import { pushSender } from './send';
import { runSlaWarningsOnce } from './sla-warnings';
import { resolveVapidKeys, VAPID_SETTING, type VapidKeys } from './vapid';

let database: Database;
let service: PushTestService;
let mediaDir: string;
let staff: Record<string, StaffProfile>;
const keys: VapidKeys = { ...webpush.generateVAPIDKeys(), subject: 'mailto:uji@aduan.test' };
const PHONE = '081234567890';
const EMAIL = 'warga@example.id';

beforeAll(async () => {
  process.env.ADUAN_PUSH_ALLOW_LOOPBACK = '1';
  database = await createTestDatabase();
  staff = await seedDemoStaff(database.db);
  service = await startPushTestService();
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-push-'));
}, 60_000);
afterAll(async () => {
  delete process.env.ADUAN_PUSH_ALLOW_LOOPBACK;
  await service?.close();
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await database.db.delete(outbox);
  await database.db.delete(pushSubscriptions);
});

const deps = () => ({ now: new Date(), storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' });
const senders = () => createSenders({}, { push: pushSender(database.db, async () => keys) });

/** A report in Kelurahan Gambir by a citizen with a phone and an e-mail address. */
async function fileReport(change: Parameters<typeof reportInput>[0] = {}) {
  return createReport(database.db, reportInput({ reporterPhone: PHONE, reporterEmail: EMAIL, ...change }), deps());
}

const post = (body: unknown) =>
  new Request('http://aduan.test/api/push', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The citizen route: the tracking key in the body proves the report. */
const asCitizen = (number: string, body: Record<string, unknown>) =>
  handlePushRequest(database.db, post(body), keys, async (b) => citizenPushOwner(database.db, number, String(b.kunci ?? '')));

/** The staff route, signed in as `who` (null: no session). */
const asStaff = (who: string | null, body: Record<string, unknown>) =>
  handlePushRequest(database.db, post(body), keys, async () => (who ? staffPushOwner(staff[who]) : 'unauthenticated'));

const browserSubscription = ({ endpoint, keys }: PushTestSubscription) => ({ endpoint, keys });

async function act(who: string, number: string, action: 'terima' | 'tanggapan', body?: string) {
  const [r] = await database.db.select({ version: reports.version }).from(reports).where(eq(reports.number, number));
  await performStaffAction(database.db, staff[who], { number, version: r.version, action, body }, { now: new Date(), storage: createDiskStorage(mediaDir) });
}

const outboxRows = (kind: string) => database.db.select().from(outbox).where(eq(outbox.kind, kind));

describe('a citizen following their report by push', () => {
  it('subscribes only with the tracking key, and the subscription is theirs alone', async () => {
    const { number, trackingKey } = await fileReport();
    const browser = await service.subscribe(keys.publicKey);
    const refused = await asCitizen(number, { kunci: 'x'.repeat(32), aksi: 'daftar', langganan: browserSubscription(browser) });
    expect(refused.status).toBe(403);
    expect(await database.db.select().from(pushSubscriptions)).toHaveLength(0);

    const accepted = await asCitizen(number, { kunci: trackingKey, aksi: 'daftar', langganan: browserSubscription(browser), bahasa: 'id' });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ ok: true, isSubscribed: true });
    // another report's key does not open this one's subscription
    const other = await fileReport();
    const status = await asCitizen(number, { kunci: other.trackingKey, aksi: 'status', endpoint: browser.endpoint });
    expect(status.status).toBe(403);
    expect(await (await asCitizen(number, { kunci: trackingKey, aksi: 'status', endpoint: browser.endpoint })).json()).toMatchObject({ isSubscribed: true });
  });

  it('refuses an endpoint on this network, which the worker would otherwise call', async () => {
    const { number, trackingKey } = await fileReport();
    const browser = await service.subscribe(keys.publicKey);
    const response = await asCitizen(number, { kunci: trackingKey, aksi: 'daftar', langganan: { ...browserSubscription(browser), endpoint: 'https://10.0.0.5/notify/x' } });
    expect(response.status).toBe(400);
  });

  it('gets a status change by push instead of SMS, keeps e-mail, and the push arrives at the push service', async () => {
    const { number, trackingKey } = await fileReport();
    const browser = await service.subscribe(keys.publicKey);
    await asCitizen(number, { kunci: trackingKey, aksi: 'daftar', langganan: browserSubscription(browser), bahasa: 'en' });
    await database.db.delete(outbox); // the filing confirmations

    await act('lurah.gambir', number, 'terima');

    const [push] = await outboxRows('push');
    const [subscription] = await database.db.select().from(pushSubscriptions);
    expect(push.recipient).toBe(`push:${subscription.id}`);
    expect(JSON.stringify(push)).not.toContain(browser.endpoint);
    expect(await outboxRows('sms')).toHaveLength(0);
    expect((await outboxRows('email')).map((r) => r.recipient)).toEqual([EMAIL]);

    expect(await runOutboxOnce(database.db, senders(), new Date(), 50)).toMatchObject({ sent: 1 });
    expect(await service.messages(browser.clientHash)).toEqual([
      { title: `Report ${number}`, body: 'Status is now: In progress.', url: `/lacak/${number}?kunci=${trackingKey}`, tag: `aduan-${number}` },
    ]);
    const [sent] = await outboxRows('push');
    expect(sent.status).toBe('sent');
    expect(sent.body).not.toContain(trackingKey);
    expect((await database.db.select().from(pushSubscriptions))[0].lastSuccessAt).toBeInstanceOf(Date);
  });

  it('loses a subscription the push service calls gone (410): removed, the row given up at once, SMS back', async () => {
    const { number, trackingKey } = await fileReport();
    const browser = await service.subscribe(keys.publicKey);
    await asCitizen(number, { kunci: trackingKey, aksi: 'daftar', langganan: browserSubscription(browser) });
    await service.expire(browser.clientHash);
    await database.db.delete(outbox);

    await act('lurah.gambir', number, 'terima');
    await runOutboxOnce(database.db, senders(), new Date(), 50);

    const [push] = await outboxRows('push');
    expect(push.status).toBe('failed');
    expect(push.attempts).toBe(1);
    expect(push.lastError).toContain('410');
    expect(push.lastError).not.toContain(browser.endpoint);
    expect(await database.db.select().from(pushSubscriptions)).toHaveLength(0);

    // the next change goes to the phone again
    await database.db.delete(outbox);
    const [r] = await database.db.select({ id: reports.id }).from(reports).where(eq(reports.number, number));
    await database.db.transaction((tx) => notifySubscribers(tx, r.id, number, 'selesai'));
    expect((await outboxRows('sms')).map((row) => row.recipient)).toEqual([PHONE]);
  });

  it('unsubscribes with the button: the endpoint is removed and nothing more is queued', async () => {
    const { number, trackingKey } = await fileReport();
    const browser = await service.subscribe(keys.publicKey);
    await asCitizen(number, { kunci: trackingKey, aksi: 'daftar', langganan: browserSubscription(browser) });
    const response = await asCitizen(number, { kunci: trackingKey, aksi: 'berhenti', endpoint: browser.endpoint });
    expect(await response.json()).toEqual({ ok: true, isSubscribed: false, isStillUsed: false });
    expect(await database.db.select().from(pushSubscriptions)).toHaveLength(0);
    await act('lurah.gambir', number, 'terima');
    expect(await outboxRows('push')).toHaveLength(0);
    expect((await outboxRows('sms')).map((r) => r.recipient)).toEqual([PHONE]);
  });

  it('shows nothing of the subscription in public reads, public views or the staff outbox page', async () => {
    const { number, trackingKey } = await fileReport();
    const browser = await service.subscribe(keys.publicKey);
    await asCitizen(number, { kunci: trackingKey, aksi: 'daftar', langganan: browserSubscription(browser) });
    await act('lurah.gambir', number, 'terima');
    const seen = JSON.stringify([
      await getPublicReport(database.db, number),
      await getPublicTimeline(database.db, number),
      await findLatestPublicReports(database.db, 50),
      await listOutbox(database.db, staff.admin),
    ]);
    expect(seen).toContain(number);
    for (const secret of [browser.endpoint, browser.clientHash, browser.keys.p256dh, browser.keys.auth]) expect(seen).not.toContain(secret);
    const [views] = await rowsOf<{ n: number }>(
      database.db.execute(sql`select count(*)::int as n from pg_views where schemaname = 'public' and definition ilike '%push_subscriptions%'`),
    );
    expect(views.n).toBe(0);
  });
});

describe('officials opting in for their unit', () => {
  it('needs a session and a role with a queue of its own', async () => {
    const browser = await service.subscribe(keys.publicKey);
    const body = { aksi: 'daftar', langganan: browserSubscription(browser) };
    expect((await asStaff(null, body)).status).toBe(401);
    expect((await asStaff('validator', body)).status).toBe(403);
    expect((await asStaff('admin', body)).status).toBe(403);
    expect((await asStaff('lurah.gambir', body)).status).toBe(200);
    const rows = await database.db.select().from(pushSubscriptions);
    expect(rows.map((r) => [r.userId, r.reportId])).toEqual([[staff['lurah.gambir'].id, null]]);
  });

  it('get a new ticket of their kelurahan, in their language; another kelurahan does not', async () => {
    const gambir = await service.subscribe(keys.publicKey);
    const menteng = await service.subscribe(keys.publicKey);
    await asStaff('lurah.gambir', { aksi: 'daftar', langganan: browserSubscription(gambir), bahasa: 'en' });
    await asStaff('lurah.menteng', { aksi: 'daftar', langganan: browserSubscription(menteng) });

    const { number } = await fileReport({ reporterPhone: null, reporterEmail: null });
    await runOutboxOnce(database.db, senders(), new Date(), 50);

    expect(await service.messages(gambir.clientHash)).toEqual([
      { title: `New ticket ${number}`, body: expect.stringContaining("now in your unit's queue"), url: `/petugas/laporan/${number}`, tag: `aduan-${number}` },
    ]);
    expect(await service.messages(menteng.clientHash)).toEqual([]);
    const rows = await database.db.select().from(outbox).where(and(eq(outbox.kind, 'push'), eq(outbox.status, 'sent')));
    expect(rows).toHaveLength(1);
  });
});

describe('the demo VAPID pair', () => {
  it('is generated once and kept in the database, the private key sealed', async () => {
    const first = await resolveVapidKeys(database.db, { kind: 'generate' });
    const again = await resolveVapidKeys(database.db, { kind: 'generate' });
    expect(again).toEqual(first);
    const [stored] = await database.db.select().from(appSettings).where(eq(appSettings.key, VAPID_SETTING));
    expect(JSON.stringify(stored.value)).toContain(first!.publicKey);
    expect(JSON.stringify(stored.value)).not.toContain(first!.privateKey);
    // a browser can subscribe with it, and a push signed with it is accepted
    expect((await service.subscribe(first!.publicKey)).endpoint).toMatch(/^http:\/\/localhost:/);
  });
});

describe('a ticket leaving triage', () => {
  it('is pushed to the officials of the unit it is routed to', async () => {
    const gambir = await service.subscribe(keys.publicKey);
    await asStaff('lurah.gambir', { aksi: 'daftar', langganan: browserSubscription(gambir) });
    const { number } = await fileReport({ lat: null, lng: null, categoryCode: null, allowUnlocated: true, reporterPhone: null, reporterEmail: null });
    expect(await outboxRows('push')).toHaveLength(0);

    await triageReport(database.db, staff.operator, { number, version: 1, categoryCode: 'jalan', kelurahanCode: '31.71.01.1001' }, new Date());
    await runOutboxOnce(database.db, senders(), new Date(), 50);
    expect(await service.messages(gambir.clientHash)).toEqual([expect.objectContaining({ title: `Tiket baru ${number}`, url: `/petugas/laporan/${number}` })]);
  });
});

describe('officials warned before a deadline passes', () => {
  it('get one push per ticket and deadline, about two service hours before it', async () => {
    const gambir = await service.subscribe(keys.publicKey);
    const menteng = await service.subscribe(keys.publicKey);
    await asStaff('lurah.gambir', { aksi: 'daftar', langganan: browserSubscription(gambir) });
    await asStaff('lurah.menteng', { aksi: 'daftar', langganan: browserSubscription(menteng) });
    const { number } = await fileReport({ reporterPhone: null, reporterEmail: null });
    // a first response due on Wednesday 4 March 2026, 10:00 WIB (a working day on either calendar)
    const due = new Date('2026-03-04T03:00:00Z');
    await database.db.update(reports).set({ firstResponseDueAt: due, dueAt: new Date('2026-03-11T03:00:00Z') }).where(eq(reports.number, number));
    await database.db.delete(outbox);
    const hoursBefore = (h: number) => new Date(due.getTime() - h * 3_600_000);

    expect(await runSlaWarningsOnce(database.db, hoursBefore(4))).toEqual({ warned: 0 });
    expect(await runSlaWarningsOnce(database.db, hoursBefore(1.5))).toEqual({ warned: 1 });
    expect(await runSlaWarningsOnce(database.db, hoursBefore(1))).toEqual({ warned: 0 });
    await runOutboxOnce(database.db, senders(), new Date(), 50);

    expect(await service.messages(gambir.clientHash)).toEqual([
      { title: `Tiket ${number} hampir terlambat`, body: expect.stringContaining('tanggapan pertama'), url: `/petugas/laporan/${number}`, tag: `aduan-${number}` },
    ]);
    expect(await service.messages(menteng.clientHash)).toEqual([]);
    // once answered, the first-response deadline is no longer watched
    await act('lurah.gambir', number, 'terima');
    expect(await runSlaWarningsOnce(database.db, hoursBefore(0.5))).toEqual({ warned: 0 });
  });
});
