import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './connect';
import { openBulkLoader } from './bulk';
import { auditLog } from './schema';
import { createTestDatabase } from '@/lib/testing/db';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe(`bulk loading on ${process.env.DATABASE_URL ? 'PostgreSQL (COPY)' : 'PGlite (JSON)'}`, () => {
  it('stores text with tabs, newlines and backslashes, JSON, nulls and times exactly as given', async () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    const rows = [
      { id: 1, action: 'a\tb\nc\\d\re', targetType: null, targetId: '\\N', data: { note: 'tab\there', list: [1, 'x\\y'] }, ip: null, createdAt: at },
      { id: 2, action: 'biasa', targetType: 'laporan', targetId: 'JK2601020001', data: null, ip: '127.0.0.1', createdAt: at },
    ];
    const loader = await openBulkLoader(database.db, auditLog);
    await loader.write(rows.slice(0, 1));
    await loader.write(rows.slice(1));
    await loader.end();

    const stored = await database.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(stored).toEqual(rows.map((r) => ({ ...r, actorUserId: null })));
  });
});
