import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/lib/testing/db';
import { rowsOf } from './bulk';
import type { Database } from './connect';
import { seedReference } from './seed/reference';

// The timeline (report_events) and the audit log are history: the database itself refuses to
// rewrite or erase them (migrations 0001 and 0013), whatever code or person holds a connection.
let database: Database;
let reportId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  const [report] = await rowsOf<{ id: number }>(
    database.db.execute(sql`
      insert into reports (number, channel_code, category_code, description, status)
      values ('JK2603100001', 'web', 'jalan', 'Jalan berlubang di depan sekolah.', 'menunggu') returning id`),
  );
  reportId = Number(report.id);
  await database.db.execute(sql`
    insert into report_events (report_id, type, to_status, actor_label, body) values (${reportId}, 'dibuat', 'menunggu', 'warga', 'asli')`);
  await database.db.execute(
    sql`insert into audit_log (action, target_type, target_id) values ('uji.asli', 'report', ${String(reportId)})`,
  );
});
afterAll(async () => database?.close());

/** The database's own message for a refused statement (drizzle wraps it). */
async function refusal(statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await database.db.execute(statement);
  } catch (error) {
    const e = error as { message: string; cause?: { message: string } };
    return e.cause?.message ?? e.message;
  }
  throw new Error('the statement was not refused');
}

const snapshot = async () => ({
  events: await rowsOf(
    database.db.execute(
      sql`select id, type::text, body, actor_label from report_events order by id`,
    ),
  ),
  audit: await rowsOf(
    database.db.execute(sql`select id, action, target_id from audit_log order by id`),
  ),
});

describe('history is append-only', () => {
  it.each([
    ['UPDATE', 'report_events', sql`update report_events set body = 'diubah'`],
    ['DELETE', 'report_events', sql`delete from report_events`],
    ['TRUNCATE', 'report_events', sql`truncate report_events cascade`],
    ['UPDATE', 'audit_log', sql`update audit_log set action = 'disamarkan'`],
    ['DELETE', 'audit_log', sql`delete from audit_log where action = 'uji.asli'`],
    ['TRUNCATE', 'audit_log', sql`truncate audit_log`],
  ])(
    'refuses %s on %s with a message that says so, and nothing changes',
    async (op, table, statement) => {
      const before = await snapshot();
      expect(await refusal(statement)).toBe(
        `${op} on ${table} refused: the timeline and the audit log are append-only`,
      );
      expect(await snapshot()).toEqual(before);
    },
  );

  it('refuses a change hidden in a larger transaction, and rolls back the whole transaction', async () => {
    const before = await snapshot();
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`update reports set status = 'selesai' where id = ${reportId}`);
        await tx.execute(
          sql`insert into report_events (report_id, type, to_status, body) values (${reportId}, 'selesai', 'selesai', 'palsu')`,
        );
        await tx.execute(sql`delete from report_events where body = 'asli'`);
      }),
    ).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
    const [report] = await rowsOf<{ status: string }>(
      database.db.execute(sql`select status::text from reports where id = ${reportId}`),
    );
    expect(report.status).toBe('menunggu');
  });

  it('still takes new rows: a correction is a new event', async () => {
    await database.db.execute(
      sql`insert into report_events (report_id, type, body) values (${reportId}, 'catatan', 'koreksi')`,
    );
    await database.db.execute(sql`insert into audit_log (action) values ('uji.koreksi')`);
    const { events, audit } = await snapshot();
    expect(events.map((e) => (e as { body: string }).body)).toEqual(['asli', 'koreksi']);
    expect(audit).toHaveLength(2);
  });

  it('a report with history cannot be deleted either (its events keep it)', async () => {
    expect(await refusal(sql`delete from reports where id = ${reportId}`)).toMatch(
      /foreign key|report_events/,
    );
  });
});
