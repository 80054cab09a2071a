import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../connect';
import { rowsOf } from '../bulk';
import { setupDemoDatabase } from '../setup';
import { createTestDatabase } from '@/lib/testing/db';
import { verifyPassword } from '@/lib/auth/password';
import { PROVINCE_AGENCIES } from '@/lib/reference/agencies';
import { CATEGORIES } from '@/lib/reference/categories';
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
    expect(byKind).toMatchObject({ kelurahan: 267, kecamatan: 44, walikota: 6, inspektorat: 1 });
    for (const kind of ['dinas', 'biro', 'bumd', 'eksternal'] as const) expect(byKind[kind], kind).toBe(PROVINCE_AGENCIES.filter((a) => a.kind === kind).length);
    expect(byKind.sudin).toBe(PROVINCE_AGENCIES.filter((a) => a.branch).length * 6);
    const cats = await one<{ n: number; conf: number; orphan: number }>(sql`
      select count(*)::int as n, count(*) filter (where is_confidential)::int as conf,
             count(*) filter (where default_agency_code is not null
               and default_agency_code not in (select code from agencies))::int as orphan
      from categories`);
    expect(cats).toEqual({ n: CATEGORIES.length, conf: 1, orphan: 0 });
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

  it('stores the generated reports with unique numbers (JKR for confidential ones), consistent timelines and no event after the end', async () => {
    const stats = await one<{ n: number; distinct_numbers: number; bad_numbers: number; no_created: number; late: number }>(sql`
      select count(*)::int as n,
             count(distinct number)::int as distinct_numbers,
             count(*) filter (where number !~ case when is_confidential then '^JKR[0-9]{10}$' else '^JK[0-9]{10}$' end)::int as bad_numbers,
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

  it('numbers each series 1..n per day, with its counter at n so that filing goes on after the generated ones', async () => {
    const days = await one<{ public_days: number; confidential_days: number; bad_days: number }>(sql`
      with numbered as (
        select case when number like 'JKR%' then 'confidential' else 'public' end as series,
               substring(number from '^JKR?([0-9]{6})') as day, right(number, 4)::int as seq
        from reports),
      days as (select series, day, count(*)::int as n, max(seq) as max_seq from numbered group by 1, 2),
      counters as (
        select 'public' as series, to_char(day, 'YYMMDD') as day, last from ticket_sequences
        union all
        select 'confidential', to_char(day, 'YYMMDD'), last from confidential_ticket_sequences)
      select count(*) filter (where d.series = 'public')::int as public_days,
             count(*) filter (where d.series = 'confidential')::int as confidential_days,
             count(*) filter (where d.n <> d.max_seq or c.last is distinct from d.max_seq)::int as bad_days
      from days d full join counters c on c.series = d.series and c.day = d.day`);
    expect(days.public_days).toBeGreaterThan(150);
    expect(days.confidential_days).toBeGreaterThan(0);
    expect(days.bad_days).toBe(0);
  });
});
