import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../connect';
import { rowsOf } from '../bulk';
import { migrate } from '../migrate';
import { seedReference } from './reference';
import { createTestDatabase } from '@/lib/testing/db';
import { PROVINCE_AGENCIES } from '@/lib/reference/agencies';
import { CATEGORIES } from '@/lib/reference/categories';

let database: Database;
const q = <T,>(query: ReturnType<typeof sql>) => rowsOf<T>(database.db.execute(query));
const count = async (table: string) => (await q<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  // a database seeded by an older version: without the newer categories and agencies, without
  // short names, a category routed nowhere, and admins' own edits
  await database.db.execute(sql`delete from sla_policies where category_code in ('ppdb', 'kebakaran')`);
  await database.db.execute(sql`delete from categories where code in ('ppdb', 'pencemaran')`);
  await database.db.execute(sql`delete from agencies where code like 'dinkes%' or code in ('pln', 'polda-metro')`);
  await database.db.execute(sql`update agencies set short_name = null`);
  await database.db.execute(sql`update categories set default_agency_code = null where code in ('rusun', 'konflik-sosial')`);
  await database.db.execute(sql`update categories set name_id = 'Jalan Raya' where code = 'jalan'`);
  await database.db.execute(sql`update categories set default_agency_code = 'citata' where code = 'pbb'`);
  await database.db.execute(sql`insert into audit_log (action, target_type, target_id, data) values ('kategori.ubah', 'category', 'konflik-sosial', '{}')`);
  await migrate(database);
});
afterAll(async () => database?.close());

describe('an existing database on migrate', () => {
  it('receives the categories it lacked, with their own service levels', async () => {
    expect(await count('categories')).toBe(CATEGORIES.length);
    const [ppdb] = await q<{ agency: string; calendar: string }>(
      sql`select c.default_agency_code as agency, p.calendar::text from categories c join sla_policies p on p.category_code = c.code where c.code = 'ppdb'`,
    );
    expect(ppdb).toEqual({ agency: 'disdik', calendar: 'hari_kerja' });
  });

  it('does not bring back a service level an admin removed from a category it already had', async () => {
    expect(await q(sql`select 1 from sla_policies where category_code = 'kebakaran'`)).toEqual([]);
  });

  it('receives the agencies it lacked: a Dinas with a unit in every kota, and bodies outside the Pemprov', async () => {
    const units = await q<{ code: string; parent: string | null }>(
      sql`select a.code, p.code as parent from agencies a left join agencies p on p.id = a.parent_id where a.code like 'dinkes%' order by a.code`,
    );
    expect(units).toEqual([
      { code: 'dinkes', parent: null },
      ...['31.01', '31.71', '31.72', '31.73', '31.74', '31.75'].map((k) => ({ code: `dinkes-${k}`, parent: 'dinkes' })),
    ]);
    expect(await q(sql`select code, kind::text from agencies where code in ('pln', 'polda-metro') order by code`)).toEqual([
      { code: 'pln', kind: 'eksternal' },
      { code: 'polda-metro', kind: 'eksternal' },
    ]);
    const short = await q<{ n: number }>(sql`select count(*)::int as n from agencies where short_name is not null`);
    expect(short[0].n).toBe(PROVINCE_AGENCIES.length);
  });

  it("fills in routing nobody chose, and keeps admins' names and routing", async () => {
    const rows = await q<{ code: string; name: string; agency: string | null }>(
      sql`select code, name_id as name, default_agency_code as agency from categories where code in ('rusun', 'konflik-sosial', 'jalan', 'pbb') order by code`,
    );
    expect(rows).toEqual([
      { code: 'jalan', name: 'Jalan Raya', agency: 'bina-marga' },
      { code: 'konflik-sosial', name: 'Konflik Sosial', agency: null },
      { code: 'pbb', name: 'Pajak Bumi dan Bangunan (PBB)/BPHTB', agency: 'citata' },
      { code: 'rusun', name: 'Rusun/Hunian Vertikal', agency: 'dprkp' },
    ]);
  });

  it('changes nothing when run again', async () => {
    const digest = async () =>
      (await q<{ d: string }>(sql`select md5((select string_agg(t::text, '|' order by t::text) from agencies t) || (select string_agg(t::text, '|' order by t::text) from categories t)) as d`))[0].d;
    const before = await digest();
    await migrate(database);
    expect(await digest()).toBe(before);
  });
});
