import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../connect';
import { rowsOf } from '../bulk';
import { setupDemoDatabase } from '../setup';
import { createTestDatabase } from '@/lib/testing/db';
import { verifyPassword } from '@/lib/auth/password';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/reference/demo-users';

let database: Database;
const END = new Date('2026-11-01T00:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await setupDemoDatabase(database, { reports: 3000, months: 6, seed: 7, end: END });
});
afterAll(async () => {
  await database?.close();
});

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await rowsOf<T>(database.db.execute(query));
  return row;
}

describe(`migrations and seed on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('holds 6 kota, 44 kecamatan and 267 kelurahan, each kelurahan under its kecamatan and kota', async () => {
    const counts = await rowsOf<{ level: string; n: number }>(
      database.db.execute(sql`select level::text, count(*)::int as n from regions group by level order by level`),
    );
    expect(Object.fromEntries(counts.map((c) => [c.level, c.n]))).toEqual({ kota: 6, kecamatan: 44, kelurahan: 267 });
    const orphans = await one<{ n: number }>(sql`
      select count(*)::int as n from regions kel
      left join regions kec on kec.code = kel.parent_code and kec.level = 'kecamatan'
      left join regions kota on kota.code = kec.parent_code and kota.level = 'kota'
      where kel.level = 'kelurahan' and (kec.code is null or kota.code is null)`);
    expect(orphans.n).toBe(0);
    const badGeometry = await one<{ n: number }>(sql`
      select count(*)::int as n from regions
      where geometry->>'type' not in ('Polygon', 'MultiPolygon') or min_lng >= max_lng or min_lat >= max_lat`);
    expect(badGeometry.n).toBe(0);
  });

  it('seeds an office per region, every Dinas with a Suku Dinas per kota, and the province units', async () => {
    const kinds = await rowsOf<{ kind: string; n: number }>(
      database.db.execute(sql`select kind::text, count(*)::int as n from agencies group by kind`),
    );
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    expect(byKind).toMatchObject({ kelurahan: 267, kecamatan: 44, walikota: 6, inspektorat: 1, biro: 1 });
    expect(byKind.sudin).toBe(byKind.dinas * 6);
    const cats = await one<{ n: number; conf: number; orphan: number }>(sql`
      select count(*)::int as n, count(*) filter (where is_confidential)::int as conf,
             count(*) filter (where default_agency_code is not null
               and default_agency_code not in (select code from agencies))::int as orphan
      from categories`);
    expect(cats).toEqual({ n: 44, conf: 1, orphan: 0 });
    const channels = await one<{ n: number }>(sql`select count(*)::int as n from channels`);
    expect(channels.n).toBeGreaterThanOrEqual(15);
  });

  it('creates one demo account per role with a slow-hashed password', async () => {
    const users = await rowsOf<{ email: string; role: string; password_hash: string }>(
      database.db.execute(sql`select email, role::text, password_hash from users order by id`),
    );
    expect(users.map((u) => u.email)).toEqual(DEMO_USERS.map((u) => u.email));
    expect(new Set(users.map((u) => u.role))).toEqual(
      new Set(['admin', 'operator', 'lurah', 'camat', 'walikota', 'agency', 'validator', 'inspektorat']),
    );
    expect(await verifyPassword(DEMO_PASSWORD, users[0].password_hash)).toBe(true);
  });

  it('stores the generated reports with unique JK numbers, consistent timelines and no event after the end', async () => {
    const stats = await one<{ n: number; distinct_numbers: number; bad_numbers: number; no_created: number; late: number }>(sql`
      select count(*)::int as n,
             count(distinct number)::int as distinct_numbers,
             count(*) filter (where number !~ '^JK[0-9]{10}$')::int as bad_numbers,
             count(*) filter (where not exists (select 1 from report_events e where e.report_id = r.id and e.type = 'dibuat'))::int as no_created,
             (select count(*)::int from report_events where created_at > ${END.toISOString()}::timestamptz) as late
      from reports r`);
    expect(stats).toEqual({ n: 3000, distinct_numbers: 3000, bad_numbers: 0, no_created: 0, late: 0 });
    // the report's status is the status its last status-changing event led to
    const mismatched = await one<{ n: number }>(sql`
      select count(*)::int as n from reports r
      where r.status <> (select e.to_status from report_events e where e.report_id = r.id and e.to_status is not null
                         order by e.created_at desc, e.id desc limit 1)`);
    expect(mismatched.n).toBe(0);
  });

  it('refuses to rewrite or delete the timeline and the audit log', async () => {
    await expect(database.db.execute(sql`update report_events set body = 'diubah' where id = 1`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from report_events where id = 1`)).rejects.toThrow();
    await database.db.execute(sql`insert into audit_log (action) values ('uji')`);
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });

  it('issues the next ticket number of a seeded day after the generated ones', async () => {
    const day = await one<{ day: string; last: number; max_seq: number }>(sql`
      select s.day::text as day, s.last,
             (select max(substring(number from 9)::int) from reports where substring(number from 3 for 6) = to_char(s.day, 'YYMMDD'))::int as max_seq
      from ticket_sequences s order by s.day desc limit 1`);
    expect(day.last).toBe(day.max_seq);
  });
});
