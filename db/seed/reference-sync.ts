import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { agencies, categories, channels, regions, slaPolicies } from '../schema';
import { CATEGORIES } from '@/lib/reference/categories';
import { CHANNELS } from '@/lib/reference/channels';
import { referenceAgencies } from '@/lib/reference/offices';

/**
 * Brings a database up to the reference data in lib/reference: agencies, categories (with their
 * own service levels) and channels it does not have yet are added; what is there is left as
 * admins keep it, except that a missing short name or a category's missing default agency is
 * filled in where no admin has edited the category. Runs after every migration (db/migrate.ts),
 * so a database seeded by an older version receives new categories and agencies on start.
 * Does nothing before the regions are seeded. Safe when several instances start at once.
 */
export async function syncReference(db: Db): Promise<{ agencies: number; categories: number }> {
  const regionRows = await db.select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode }).from(regions);
  if (regionRows.length === 0) return { agencies: 0, categories: 0 };
  const rows = referenceAgencies(regionRows);
  return db.transaction(async (tx) => {
    let newAgencies = 0;
    const insertAgencies = async (batch: typeof rows, parents: Map<string, number>) => {
      for (let i = 0; i < batch.length; i += 200) {
        const values = batch.slice(i, i + 200).map((r) => ({
          code: r.code,
          name: r.name,
          kind: r.kind,
          shortName: r.shortName,
          regionCode: r.regionCode,
          parentId: r.parentCode ? (parents.get(r.parentCode) ?? null) : null,
        }));
        newAgencies += (await tx.insert(agencies).values(values).onConflictDoNothing().returning({ id: agencies.id })).length;
      }
    };
    await insertAgencies(rows.filter((r) => !r.parentCode), new Map());
    const parentCodes = [...new Set(rows.flatMap((r) => (r.parentCode ? [r.parentCode] : [])))];
    const parents = new Map(
      (await tx.select({ id: agencies.id, code: agencies.code }).from(agencies).where(inArray(agencies.code, parentCodes))).map((a) => [a.code, a.id]),
    );
    await insertAgencies(rows.filter((r) => r.parentCode), parents);
    const shortNames = rows.filter((r) => r.shortName).map((r) => ({ code: r.code, short: r.shortName }));
    await tx.execute(sql`
      update agencies a set short_name = v.short
      from json_to_recordset(${JSON.stringify(shortNames)}::json) as v(code text, short text)
      where a.code = v.code and a.short_name is null`);

    const added = await tx
      .insert(categories)
      .values(
        CATEGORIES.map((c, i) => ({
          code: c.code,
          nameId: c.nameId,
          nameEn: c.nameEn,
          groupId: c.groupId,
          groupEn: c.groupEn,
          defaultAgencyCode: c.defaultAgency,
          isConfidential: c.isConfidential ?? false,
          sortOrder: i,
        })),
      )
      .onConflictDoNothing()
      .returning({ code: categories.code });
    // a new category's own service levels, once: an admin may later remove them
    const policies = added.flatMap(({ code }) => {
      const sla = CATEGORIES.find((c) => c.code === code)?.sla;
      return sla ? [{ categoryCode: code, ...sla }] : [];
    });
    if (policies.length) await tx.insert(slaPolicies).values(policies).onConflictDoNothing();
    // routing to agencies the reference data lacked before: only where nobody chose otherwise
    const routing = CATEGORIES.filter((c) => c.defaultAgency).map((c) => ({ code: c.code, agency: c.defaultAgency }));
    await tx.execute(sql`
      update categories c set default_agency_code = v.agency
      from json_to_recordset(${JSON.stringify(routing)}::json) as v(code text, agency text)
      where c.code = v.code and c.default_agency_code is null
        and exists (select 1 from agencies a where a.code = v.agency)
        and not exists (select 1 from audit_log l where l.action = 'kategori.ubah' and l.target_id = c.code)`);

    await tx
      .insert(channels)
      .values(
        CHANNELS.map((c, i) => ({
          code: c.code,
          nameId: c.nameId,
          nameEn: c.nameEn,
          isGeotagged: c.isGeotagged,
          isOfficial: c.isOfficial,
          sortOrder: i,
          howId: c.howId ?? '',
          howEn: c.howEn ?? '',
          hoursId: c.hoursId ?? '',
          hoursEn: c.hoursEn ?? '',
        })),
      )
      .onConflictDoNothing();
    return { agencies: newAgencies, categories: added.length };
  });
}
