import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegions } from '@/lib/regions/jakarta';
import { PROVINCE_AGENCIES } from './agencies';
import { CATEGORIES, UNCATEGORISED } from './categories';
import { createAgencyMatcher } from './match-agency';
import { createCategoryMatcher } from './match-category';
import { createPlaceMatcher, type RegionEntry } from './match-place';
import { referenceAgencies } from './offices';

const jakarta: RegionEntry[] = (['kota', 'kecamatan', 'kelurahan'] as const).flatMap((level) =>
  loadRegions(level).features.map((f) => ({ code: f.properties.code, name: f.properties.name, level, parentCode: level === 'kota' ? null : f.properties.parent_code })),
);
const agencyRows = referenceAgencies(jakarta);

describe('the reference lists', () => {
  it('give every category and every agency its own code', () => {
    expect(new Set(CATEGORIES.map((c) => c.code)).size).toBe(CATEGORIES.length);
    expect(new Set(agencyRows.map((a) => a.code)).size).toBe(agencyRows.length);
  });

  it('route every category to an agency that exists, and generated demo reports only to a Dinas with a unit per kota', () => {
    const codes = new Set(PROVINCE_AGENCIES.map((a) => a.code));
    for (const c of CATEGORIES) if (c.defaultAgency) expect(codes, c.code).toContain(c.defaultAgency);
    const branched = new Set(PROVINCE_AGENCIES.filter((a) => a.branch).map((a) => a.code));
    for (const c of CATEGORIES.filter((c) => c.demoWeight > 0 && c.defaultAgency && !c.isConfidential)) expect(branched, c.code).toContain(c.defaultAgency);
  });

  it('give every own service level a follow-up no sooner than the first response', () => {
    for (const c of CATEGORIES.filter((c) => c.sla)) expect(c.sla!.followUpHours, c.code).toBeGreaterThanOrEqual(c.sla!.firstResponseHours);
  });

  it('never let one category take another’s name or alias', () => {
    const match = createCategoryMatcher(CATEGORIES, CATEGORIES);
    for (const c of CATEGORIES) for (const name of [c.nameId, c.nameEn, ...(c.aliases ?? [])]) expect(match(name), `${c.code}: ${name}`).toBe(c.code);
  });

  it('never let one agency take another’s name, short name or alias', () => {
    const match = createAgencyMatcher(agencyRows, PROVINCE_AGENCIES, createPlaceMatcher(jakarta));
    for (const a of PROVINCE_AGENCIES) {
      for (const name of [a.name, a.short, ...(a.aliases ?? [])]) {
        const ref = match.match(name);
        expect(ref && 'code' in ref ? ref.code : ref, `${a.code}: ${name}`).toBe(a.code);
      }
    }
  });

  it('keep the category that waits for triage and the confidential one', () => {
    expect(CATEGORIES.find((c) => c.code === UNCATEGORISED)?.defaultAgency).toBeNull();
    expect(CATEGORIES.filter((c) => c.isConfidential).map((c) => [c.code, c.defaultAgency])).toEqual([['pungli', 'inspektorat']]);
  });

  it('give every Dinas with units one per kota, and every unit its Dinas', () => {
    const sudin = agencyRows.filter((a) => a.kind === 'sudin');
    expect(sudin.length).toBe(PROVINCE_AGENCIES.filter((a) => a.branch).length * 6);
    for (const s of sudin) expect(s.code).toBe(`${s.parentCode}-${s.regionCode}`);
  });

  it('are all cited in data/REFERENCE.md', () => {
    const doc = readFileSync(join(__dirname, '../../data/REFERENCE.md'), 'utf8');
    for (const code of [...CATEGORIES.map((c) => c.code), ...PROVINCE_AGENCIES.map((a) => a.code)]) expect(doc, code).toContain(`| \`${code}\` |`);
  });
});
