import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { seedReference } from '@/db/seed/reference';
import type { UserRole } from '@/db/schema';
import { createReport, type CreatedReport } from '@/lib/intake/create-report';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';
import { outbox } from '../schema';
import { claimDueNotifications, enqueueNotification, listOutbox, markFailed, markSent, WITHHELD } from './outbox';

const WHISTLEBLOWER = 'pelapor.rahasia@contoh.id';
const CITIZEN = 'warga.biasa@contoh.id';
const filed = new Date('2026-05-04T03:00:00Z');
let database: Database;
let mediaDir: string;
/** A confidential report (pungli) by the whistleblower, and an ordinary one, each confirmed by e-mail. */
let secret: CreatedReport;
let ordinary: CreatedReport;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  mediaDir = mkdtempSync(join(tmpdir(), 'aduan-outbox-'));
});
afterAll(async () => {
  await database?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await database.db.delete(outbox);
  const deps = { now: filed, storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' };
  secret = await createReport(database.db, reportInput({ categoryCode: 'pungli', description: 'Petugas meminta uang pelicin untuk izin.', reporterEmail: WHISTLEBLOWER }), deps);
  ordinary = await createReport(database.db, reportInput({ reporterEmail: CITIZEN }), deps);
});

const as = (role: UserRole) => ({ role });
const storedBody = async (recipient: string) =>
  (await database.db.select({ body: outbox.body }).from(outbox).where(eq(outbox.recipient, recipient)))[0].body;

// rows are queued at the database's clock: claims use the real time
const now = () => new Date();

describe('listOutbox: a confidential ticket’s messages', () => {
  it('are stored with the private link the whistleblower needs (what the listing must not show)', async () => {
    expect(await storedBody(WHISTLEBLOWER)).toContain(`/lacak/${secret.number}?kunci=${secret.trackingKey}`);
  });

  it.each<UserRole>(['admin', 'operator'])('%s sees that the message exists, but not its recipient, text or key', async (role) => {
    const rows = await listOutbox(database.db, as(role));

    expect(rows).toHaveLength(2);
    const withheld = rows.find((r) => r.isWithheld)!;
    expect(withheld).toMatchObject({ kind: 'email', status: 'pending', recipient: WITHHELD, subject: null, body: WITHHELD, lastError: null });
    const listing = JSON.stringify(rows);
    expect(listing).not.toContain(WHISTLEBLOWER);
    expect(listing).not.toContain(secret.number);
    expect(listing).not.toContain(secret.trackingKey);
    // an ordinary ticket's message is readable, its key masked
    const open = rows.find((r) => !r.isWithheld)!;
    expect(open.recipient).toBe(CITIZEN);
    expect(open.body).toContain(`/lacak/${ordinary.number}?kunci=…`);
    expect(listing).not.toContain(ordinary.trackingKey);
  });

  it('Inspektorat reads them in full except the key, and no other ticket’s messages', async () => {
    const rows = await listOutbox(database.db, as('inspektorat'));

    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recipient: WHISTLEBLOWER, subject: `Laporan ${secret.number} diterima`, isWithheld: false });
    expect(rows[0].body).toContain(`/lacak/${secret.number}?kunci=…`);
    expect(JSON.stringify(rows)).not.toContain(secret.trackingKey);
    expect(JSON.stringify(rows)).not.toContain(CITIZEN);
  });

  it('withhold a channel error that quotes the whistleblower’s address from all but Inspektorat', async () => {
    const [claimed] = (await claimDueNotifications(database.db, 10, now())).filter((r) => r.recipient === WHISTLEBLOWER);
    await markFailed(database.db, claimed.id, new Error(`550 5.1.1 <${WHISTLEBLOWER}>: alamat tidak dikenal`), now());

    expect((await listOutbox(database.db, as('admin'))).find((r) => r.id === claimed.id)?.lastError).toBeNull();
    expect((await listOutbox(database.db, as('inspektorat')))[0].lastError).toContain(WHISTLEBLOWER);
  });

  it.each<UserRole>(['lurah', 'camat', 'walikota', 'agency', 'validator'])('are not listed at all for %s, nor is anything else', async (role) => {
    expect(await listOutbox(database.db, as(role))).toEqual([]);
  });
});

describe('listOutbox: links’ keys', () => {
  it('masks an alert’s subscription token in the text and never returns its headers', async () => {
    await enqueueNotification(database.db, {
      kind: 'email',
      recipient: 'pengikut@contoh.id',
      body: 'Berhenti mengikuti: http://aduan.test/ikuti/berhenti?kunci=tokenLangganan_123',
      headers: { 'List-Unsubscribe': '<http://aduan.test/api/ikuti/berhenti?kunci=tokenLangganan_123>' },
    });

    const rows = await listOutbox(database.db, as('operator'));

    expect(rows.find((r) => r.recipient === 'pengikut@contoh.id')?.body).toBe('Berhenti mengikuti: http://aduan.test/ikuti/berhenti?kunci=…');
    expect(JSON.stringify(rows)).not.toContain('tokenLangganan_123');
    expect(rows.every((r) => !('headers' in r))).toBe(true);
  });
});

describe('markSent and markFailed drop the keys they no longer need', () => {
  it('a sent message is kept without its key', async () => {
    const claimed = await claimDueNotifications(database.db, 10, now());
    expect(claimed).toHaveLength(2);
    for (const row of claimed) expect(await markSent(database.db, row.id, now(), row.attempts)).toBe(true);

    expect(await storedBody(WHISTLEBLOWER)).toContain(`/lacak/${secret.number}?kunci=…`);
    expect(await storedBody(WHISTLEBLOWER)).not.toContain(secret.trackingKey);
    expect(await storedBody(CITIZEN)).not.toContain(ordinary.trackingKey);
  });

  it('a message to retry keeps its key; one given up loses it', async () => {
    const first = now();
    const [row] = (await claimDueNotifications(database.db, 10, first)).filter((r) => r.recipient === WHISTLEBLOWER);
    await markFailed(database.db, row.id, new Error('down'), first, 2);
    expect(await storedBody(WHISTLEBLOWER)).toContain(secret.trackingKey);

    const later = new Date(first.getTime() + 24 * 3_600_000);
    await claimDueNotifications(database.db, 10, later);
    expect(await markFailed(database.db, row.id, new Error('down'), later, 2)).toMatchObject({ status: 'failed' });
    expect(await storedBody(WHISTLEBLOWER)).not.toContain(secret.trackingKey);
  });
});
