import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/connect';
import { seedReference } from '@/db/seed/reference';
import { createDiskStorage } from '@/lib/media/storage';
import { createTestDatabase } from '@/lib/testing/db';
import { reportInput } from '@/lib/testing/reports';
import { createReport, type CreatedReport } from './create-report';
import { answerTypedNumber, trackingAccess } from './tracker';

describe('answerTypedNumber', () => {
  it.each([
    ['nothing typed', '  ', { kind: 'empty' }],
    ['not a number', 'lubang', { kind: 'invalid' }],
    ['a public number as typed', 'jk 2306 180342', { kind: 'ticket', number: 'JK2306180342' }],
    ['a confidential number', 'JKR2306180001', { kind: 'confidential' }],
    ['a confidential number as typed', 'jkr 2306 180001', { kind: 'confidential' }],
    ['a confidential number never issued', 'JKR9912319999', { kind: 'confidential' }],
    ['JKR with a bad date', 'JKR2313180001', { kind: 'invalid' }],
  ])('%s', (_label, typed, expected) => {
    expect(answerTypedNumber(typed)).toEqual(expected);
  });
});

describe(`trackingAccess on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let database: Database;
  let mediaDir: string;
  let confidential: CreatedReport;
  let open: CreatedReport;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReference(database.db);
    mediaDir = mkdtempSync(join(tmpdir(), 'aduan-media-'));
    const deps = { now: new Date('2026-03-10T03:00:00Z'), storage: createDiskStorage(mediaDir), publicUrl: 'http://aduan.test' };
    confidential = await createReport(database.db, reportInput({ categoryCode: 'pungli' }), deps);
    open = await createReport(database.db, reportInput(), deps);
  });
  afterAll(async () => {
    await database?.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it('opens the private page of a confidential ticket with its own key', async () => {
    expect(confidential.number).toBe('JKR2603100001');
    expect(await trackingAccess(database.db, confidential.number, confidential.trackingKey)).toBe('granted');
  });

  it('answers alike for an issued and a never-issued JKR number without a valid key', async () => {
    const neverIssued = 'JKR2603100002';
    const answers = await Promise.all([
      trackingAccess(database.db, confidential.number, ''),
      trackingAccess(database.db, confidential.number, open.trackingKey),
      trackingAccess(database.db, neverIssued, ''),
      trackingAccess(database.db, neverIssued, confidential.trackingKey),
    ]);
    expect(answers).toEqual(['confidential', 'confidential', 'confidential', 'confidential']);
  });

  it('keeps refusing a public number with a wrong key, and opens it with its own', async () => {
    expect(await trackingAccess(database.db, open.number, confidential.trackingKey)).toBe('refused');
    expect(await trackingAccess(database.db, open.number, open.trackingKey)).toBe('granted');
  });
});
