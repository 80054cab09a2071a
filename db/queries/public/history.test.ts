import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../connect';
import { rowsOf } from '../../bulk';
import { seedDemoReports } from '../../seed/demo';
import { seedReference } from '../../seed/reference';
import { createTestDatabase } from '@/lib/testing/db';
import { getTicketHistory } from './history';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  await seedDemoReports(database.db, { reports: 1500, months: 2, seed: 5, end: new Date('2026-09-01T00:00:00Z') });
});
afterAll(async () => database?.close());

describe('getTicketHistory', () => {
  it('lists every event in order, internal notes as placeholders without content, with stable running digests', async () => {
    const [{ number, id }] = await rowsOf<{ number: string; id: number }>(
      database.db.execute(sql`select r.number, r.id from reports r where not r.is_confidential
                               and exists (select 1 from report_events e where e.report_id = r.id and not e.is_public) limit 1`),
    );
    const history = (await getTicketHistory(database.db, number))!;
    const [{ n }] = await rowsOf<{ n: number }>(database.db.execute(sql`select count(*)::int as n from report_events where report_id = ${id}`));
    expect(history.map((e) => e.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const internal = history.filter((e) => !e.isPublic);
    expect(internal.length).toBeGreaterThan(0);
    for (const e of internal) expect([e.body, e.actor]).toEqual([null, null]);
    expect(new Set(history.map((e) => e.digest)).size).toBe(n);
    expect((await getTicketHistory(database.db, number))!.map((e) => e.digest)).toEqual(history.map((e) => e.digest));
  });

  it('the database refuses to change history, and confidential tickets have no public history', async () => {
    await expect(database.db.execute(sql`update report_events set body = 'diubah' where id = (select min(id) from report_events)`)).rejects.toThrow();
    const [{ number }] = await rowsOf<{ number: string }>(database.db.execute(sql`select number from reports where is_confidential limit 1`));
    expect(await getTicketHistory(database.db, number)).toBeNull();
  });
});
