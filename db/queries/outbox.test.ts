import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { createTestDatabase } from '@/lib/testing/db';
import { CLAIM_LEASE_MS } from '@/lib/notify/backoff';
import { outbox } from '../schema';
import {
  claimDueNotifications,
  enqueueNotification,
  listOutbox,
  markFailed,
  markSent,
  type OutboxRow,
} from './outbox';

const MINUTE = 60_000;
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.db.delete(outbox);
});

const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const admin = { role: 'admin' } as const;
/** Every stored row as the worker sees it, newest first (not a staff view). */
const storedRows = () => database.db.select().from(outbox).orderBy(desc(outbox.createdAt), desc(outbox.id));

async function enqueueMany(count: number) {
  const rows: OutboxRow[] = [];
  for (let i = 0; i < count; i++) {
    rows.push(
      await enqueueNotification(database.db, {
        kind: 'sms',
        recipient: `08${i}`,
        body: `pesan ${i}`,
      }),
    );
  }
  return rows;
}

describe('enqueueNotification', () => {
  it('commits and rolls back with the caller’s transaction', async () => {
    const { db } = database;
    await db.transaction(async (tx) => {
      await enqueueNotification(tx, {
        kind: 'email',
        recipient: ' a@example.id ',
        subject: 'S',
        body: 'ok',
      });
    });
    await expect(
      db.transaction(async (tx) => {
        await enqueueNotification(tx, { kind: 'sms', recipient: '0812', body: 'batal' });
        throw new Error('the change that caused it failed');
      }),
    ).rejects.toThrow();

    const rows = await storedRows();
    expect(rows.map((r) => r.body)).toEqual(['ok']);
    expect(rows[0]).toMatchObject({
      kind: 'email',
      recipient: 'a@example.id',
      status: 'pending',
      attempts: 0,
    });
  });
});

describe('claimDueNotifications', () => {
  it('claims the oldest due rows up to the limit and leases them', async () => {
    const { db } = database;
    const [first, second, third] = await enqueueMany(3);
    const now = new Date();

    const claimed = await claimDueNotifications(db, 2, now);

    expect(claimed.map((r) => r.id)).toEqual([first.id, second.id]);
    expect(claimed.every((r) => r.attempts === 1)).toBe(true);
    expect(claimed[0].nextAttemptAt.getTime()).toBe(now.getTime() + CLAIM_LEASE_MS);
    expect((await claimDueNotifications(db, 10, now)).map((r) => r.id)).toEqual([third.id]);
    expect(await claimDueNotifications(db, 10, now)).toEqual([]);
  });

  it('skips rows scheduled for later', async () => {
    const { db } = database;
    const [row] = await enqueueMany(1);
    const now = new Date();
    await markFailed(db, (await claimDueNotifications(db, 1, now))[0].id, new Error('x'), now);

    expect(await claimDueNotifications(db, 10, later(now, 30_000))).toEqual([]);
    expect((await claimDueNotifications(db, 10, later(now, MINUTE))).map((r) => r.id)).toEqual([
      row.id,
    ]);
  });

  it('hands a row to another worker once the lease of a crashed one runs out', async () => {
    const { db } = database;
    await enqueueMany(1);
    const now = new Date();
    await claimDueNotifications(db, 1, now); // this worker dies without marking

    expect(await claimDueNotifications(db, 1, later(now, CLAIM_LEASE_MS - 1))).toEqual([]);
    const [again] = await claimDueNotifications(db, 1, later(now, CLAIM_LEASE_MS));
    expect(again.attempts).toBe(2);
  });

  it('a worker whose lease ran out cannot record anything on the row another worker now holds', async () => {
    const { db } = database;
    await enqueueMany(1);
    const now = new Date();
    const [stale] = await claimDueNotifications(db, 1, now); // this worker stalls past its lease
    const [fresh] = await claimDueNotifications(db, 1, later(now, CLAIM_LEASE_MS));

    expect(await markSent(db, stale.id, now, stale.attempts)).toBe(false);
    expect(await markFailed(db, stale.id, new Error('late'), now, 8, stale.attempts)).toBeNull();
    expect(await markSent(db, fresh.id, now, fresh.attempts)).toBe(true);
    const [row] = await storedRows();
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'skips rows locked by another worker’s open claim instead of waiting',
    async () => {
      const { db } = database;
      await enqueueMany(10);
      const now = new Date();
      let release!: () => void;
      let signalClaimed!: (rows: OutboxRow[]) => void;
      const isReleased = new Promise<void>((resolve) => (release = resolve));
      const heldRows = new Promise<OutboxRow[]>((resolve) => (signalClaimed = resolve));
      const holder = db.transaction(async (tx) => {
        signalClaimed(await claimDueNotifications(tx, 4, now));
        await isReleased;
      });
      const held = await heldRows;
      // A claim that waits for the locks would hang forever: release them after a while and fail.
      let hasWaited = false;
      const timeout = setTimeout(() => {
        hasWaited = true;
        release();
      }, 3_000);

      const other = await claimDueNotifications(db, 10, now);
      clearTimeout(timeout);
      release();
      await holder;

      expect(hasWaited).toBe(false);
      expect(held).toHaveLength(4);
      expect(other).toHaveLength(6);
      const heldIds = new Set(held.map((r) => r.id));
      expect(other.some((r) => heldIds.has(r.id))).toBe(false);
    },
  );
});

describe('markSent and markFailed', () => {
  it('reschedules with exponential backoff, then gives up', async () => {
    const { db } = database;
    const [row] = await enqueueMany(1);
    let now = new Date();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await claimDueNotifications(db, 1, now);
      const failed = await markFailed(db, row.id, new Error('down\n    at x.ts:1'), now, 3);
      delays.push(failed!.nextAttemptAt.getTime() - now.getTime());
      expect(failed!.lastError).toBe('down');
      now = later(now, 24 * 60 * MINUTE);
    }

    expect(delays.slice(0, 2)).toEqual([MINUTE, 2 * MINUTE]);
    const [final] = await storedRows();
    expect(final).toMatchObject({ status: 'failed', attempts: 3 });
    expect(await claimDueNotifications(db, 1, later(now, 365 * 24 * 60 * MINUTE))).toEqual([]);
    expect(await markSent(db, row.id, now)).toBe(false);
  });

  it('records the delivery time and keeps a sent row sent', async () => {
    const { db } = database;
    const [row] = await enqueueMany(1);
    const now = new Date();
    await claimDueNotifications(db, 1, now);

    expect(await markSent(db, row.id, now)).toBe(true);
    expect(await markFailed(db, row.id, new Error('late failure'), now)).toBeNull();
    const [sent] = await storedRows();
    expect(sent).toMatchObject({ status: 'sent', lastError: null });
    expect(sent.deliveredAt?.getTime()).toBe(now.getTime());
  });
});

describe('listOutbox', () => {
  it('lists newest first, limited and optionally by status', async () => {
    const { db } = database;
    const rows = await enqueueMany(5);
    await markSent(db, rows[1].id, new Date());

    expect((await listOutbox(db, admin, { limit: 3 })).map((r) => r.id)).toEqual([
      rows[4].id,
      rows[3].id,
      rows[2].id,
    ]);
    expect((await listOutbox(db, admin, { status: 'sent' })).map((r) => r.id)).toEqual([rows[1].id]);
  });
});
