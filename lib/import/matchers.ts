import type { Db } from '@/db/connect';
import { agencies, categories, referenceAliases, regions } from '@/db/schema';
import { PROVINCE_AGENCIES } from '@/lib/reference/agencies';
import { CATEGORIES } from '@/lib/reference/categories';
import { createAgencyMatcher } from '@/lib/reference/match-agency';
import { createCategoryMatcher } from '@/lib/reference/match-category';
import { createPlaceMatcher } from '@/lib/reference/match-place';
import type { RowMatchers } from './archive-row';

export interface ReferenceLookups extends RowMatchers {
  agencyIds: Map<string, number>;
  confidential: Set<string>;
}

/** The matchers over what the database holds now: its regions, agencies, categories and the labels admins mapped. */
export async function loadMatchers(db: Db): Promise<ReferenceLookups> {
  const [regionRows, agencyRows, categoryRows, aliasRows] = await Promise.all([
    db.select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode }).from(regions),
    db
      .select({ id: agencies.id, code: agencies.code, name: agencies.name, kind: agencies.kind, shortName: agencies.shortName, regionCode: agencies.regionCode })
      .from(agencies),
    db.select({ code: categories.code, nameId: categories.nameId, nameEn: categories.nameEn, isConfidential: categories.isConfidential }).from(categories),
    db.select({ kind: referenceAliases.kind, key: referenceAliases.key, targetCode: referenceAliases.targetCode }).from(referenceAliases),
  ]);
  const mapped = (kind: string) => new Map(aliasRows.filter((a) => a.kind === kind).map((a) => [a.key, a.targetCode]));
  const place = createPlaceMatcher(regionRows, mapped('kelurahan'));
  return {
    place,
    category: createCategoryMatcher(categoryRows, CATEGORIES, mapped('kategori')),
    agency: createAgencyMatcher(agencyRows, PROVINCE_AGENCIES, place, mapped('instansi')),
    agencyIds: new Map(agencyRows.map((a) => [a.code, a.id])),
    confidential: new Set(categoryRows.filter((c) => c.isConfidential).map((c) => c.code)),
  };
}
