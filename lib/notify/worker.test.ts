import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { enqueueNotification } from '@/db/queries/outbox';
import { outbox } from '@/db/schema';
import { createTestDatabase } from '@/lib/testing/db';
import { startHttpReceiver, startSmtpReceiver } from '@/lib/testing/receivers';
import { createSenders } from './senders';
import { runOutboxOnce, startOutboxWorker } from './worker';

const HOUR = 60 * 60_000;
/** A tracking key as trackingKey issues them (32 base64url characters). */
const KEY = 'q3Xv_9LmZ0-aBcDeFgHiJkLmNoPqRsTu';
let database: Database;
let gateway: Awaited<ReturnType<typeof startHttpReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpReceiver();
});
afterAll(async () => {
  await smtp?.close();
  await database?.close();
});
beforeEach(async () => {
  await database.db.delete(outbox);
  smtp.messages.length = 0;
  gateway = await startHttpReceiver();
});
afterEach(() => gateway.close());

const sendersFor = (env: Record<string, string> = {}) =>
  createSenders({ ADUAN_SMS_GATEWAY_URL: gateway.url, ADUAN_SMTP_URL: smtp.url, ...env });

const storedRows = () => database.db.select().from(outbox);

async function onlyRow() {
  const rows = await storedRows();
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe('runOutboxOnce', () => {
  it('delivers an SMS to the gateway with the bearer token and marks it sent', async () => {
    const { db } = database;
    await enqueueNotification(db, {
      kind: 'sms',
      recipient: '081234567890',
      body: 'Tiket 2401-0001 selesai',
    });

    const result = await runOutboxOnce(db, sendersFor({ ADUAN_SMS_GATEWAY_TOKEN: 'rahasia' }));

    expect(result).toEqual({ sent: 1, failed: 0 });
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0].json).toEqual({
      to: '081234567890',
      body: 'Tiket 2401-0001 selesai',
      kind: 'sms',
    });
    expect(gateway.requests[0].headers.authorization).toBe('Bearer rahasia');
    const row = await onlyRow();
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(1);
    expect(row.deliveredAt).toBeInstanceOf(Date);
  });

  it('delivers an email over SMTP with its subject and recipient', async () => {
    const { db } = database;
    await enqueueNotification(db, {
      kind: 'email',
      recipient: 'warga@example.id',
      subject: 'Laporan 2401-0002 diterima',
      body: 'Laporan Anda sedang diproses.',
    });

    expect(await runOutboxOnce(db, sendersFor())).toEqual({ sent: 1, failed: 0 });

    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail.to).toEqual(['warga@example.id']);
    expect(mail.from).toBe('noreply@aduan.local');
    expect(mail.raw).toContain('Subject: Laporan 2401-0002 diterima');
    expect(mail.raw).toContain('Laporan Anda sedang diproses.');
    expect((await onlyRow()).status).toBe('sent');
  });

  it('keeps a rejected message pending with backoff, then gives up after the last attempt', async () => {
    const { db } = database;
    gateway.setStatus(500);
    await enqueueNotification(db, { kind: 'whatsapp', recipient: '081111', body: 'Halo' });
    const senders = sendersFor();
    let now = new Date();

    expect(await runOutboxOnce(db, senders, now)).toEqual({ sent: 0, failed: 1 });
    let row = await onlyRow();
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'Gateway WhatsApp menjawab HTTP 500',
    });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    // Not due yet: a second run right away does not retry.
    expect(await runOutboxOnce(db, senders, now)).toEqual({ sent: 0, failed: 0 });

    for (let attempt = 2; attempt <= 8; attempt++) {
      now = new Date(now.getTime() + 24 * HOUR);
      expect(await runOutboxOnce(db, senders, now)).toEqual({ sent: 0, failed: 1 });
      row = await onlyRow();
      expect(row.attempts).toBe(attempt);
      expect(row.status).toBe(attempt < 8 ? 'pending' : 'failed');
    }
    expect(gateway.requests).toHaveLength(8);
    expect(await runOutboxOnce(db, senders, new Date(now.getTime() + 24 * HOUR))).toEqual({
      sent: 0,
      failed: 0,
    });
  });

  it('delivers the private tracking link, then keeps the message without its key', async () => {
    const { db } = database;
    const link = `https://aduan.test/lacak/JK2605040001?kunci=${KEY}`;
    await enqueueNotification(db, { kind: 'sms', recipient: '0812', body: `Pantau laporan Anda: ${link}` });
    expect((await onlyRow()).body).toContain(KEY);

    expect(await runOutboxOnce(db, sendersFor())).toEqual({ sent: 1, failed: 0 });

    expect(gateway.requests[0].json.body).toBe(`Pantau laporan Anda: ${link}`);
    const row = await onlyRow();
    expect(row.status).toBe('sent');
    expect(row.body).toBe('Pantau laporan Anda: https://aduan.test/lacak/JK2605040001?kunci=…');
  });

  it('keeps the key while a message will be retried, and drops it when giving up', async () => {
    const { db } = database;
    gateway.setStatus(503);
    await enqueueNotification(db, { kind: 'sms', recipient: '0812', body: `Tautan pribadi: https://aduan.test/lacak/JK1?kunci=${KEY}` });
    const senders = sendersFor();
    const now = new Date();

    expect(await runOutboxOnce(db, senders, now, 20, 2)).toEqual({ sent: 0, failed: 1 });
    expect(await onlyRow()).toMatchObject({ status: 'pending', body: expect.stringContaining(KEY) });
    expect(await runOutboxOnce(db, senders, new Date(now.getTime() + HOUR), 20, 2)).toEqual({ sent: 0, failed: 1 });

    expect(gateway.requests.map((r) => String(r.json.body).includes(KEY))).toEqual([true, true]);
    expect(await onlyRow()).toMatchObject({ status: 'failed', body: 'Tautan pribadi: https://aduan.test/lacak/JK1?kunci=…' });
  });

  it('does not pretend success when a channel is not configured', async () => {
    const { db } = database;
    await enqueueNotification(db, { kind: 'email', recipient: 'warga@example.id', body: 'Halo' });

    expect(await runOutboxOnce(db, createSenders({}))).toEqual({ sent: 0, failed: 1 });

    const row = await onlyRow();
    expect(row.status).toBe('pending');
    expect(row.lastError).toMatch(/^SMTP belum dikonfigurasi/);
  });

  it('two concurrent runs deliver each of 10 rows exactly once', async () => {
    const { db } = database;
    for (let i = 0; i < 10; i++) {
      await enqueueNotification(db, { kind: 'sms', recipient: `08${i}`, body: `pesan ${i}` });
    }
    const senders = sendersFor();
    const now = new Date();

    const [a, b] = await Promise.all([
      runOutboxOnce(db, senders, now, 10),
      runOutboxOnce(db, senders, now, 10),
    ]);

    expect(a.sent + b.sent).toBe(10);
    expect(a.failed + b.failed).toBe(0);
    const bodies = gateway.requests.map((r) => r.json.body).sort();
    expect(bodies).toEqual([...Array(10).keys()].map((i) => `pesan ${i}`).sort());
    const rows = await storedRows();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('four workers draining 40 rows in small batches never deliver a row twice', async () => {
    const { db } = database;
    for (let i = 0; i < 40; i++) {
      await enqueueNotification(db, { kind: 'sms', recipient: `08${i}`, body: `pesan ${i}` });
    }
    const senders = sendersFor();
    const drain = async () => {
      for (;;) {
        const { sent, failed } = await runOutboxOnce(db, senders, new Date(), 3);
        if (sent + failed === 0) return;
      }
    };

    await Promise.all([drain(), drain(), drain(), drain()]);

    const bodies = gateway.requests.map((r) => r.json.body);
    expect(bodies).toHaveLength(40);
    expect(new Set(bodies).size).toBe(40);
  });
});

describe('startOutboxWorker', () => {
  it('delivers in the background and stops cleanly', async () => {
    const { db } = database;
    const stop = startOutboxWorker(db, sendersFor(), { intervalMs: 20 });
    await enqueueNotification(db, { kind: 'sms', recipient: '0812', body: 'latar belakang' });

    await expect.poll(() => gateway.requests.length, { timeout: 5_000 }).toBe(1);
    await stop();

    expect((await onlyRow()).status).toBe('sent');
  });
});
