import type { AgencyKind } from '@/db/schema';
import { officeCode, type AgencyDef } from './agencies';
import { labelKey, labelWords, squash } from './label';
import type { Place, PlaceMatcher } from './match-place';

/**
 * Agency names as archives write them: "DINAS CIPTA KARYA, TATA RUANG, DAN PERTANAHAN", a short
 * name ("Dishub"), an older name ("Dinas Pertamanan dan Pemakaman"), a sub-unit ("UNIT PENGELOLA
 * PERPARKIRAN"), a unit of one kota ("SUKU DINAS BINA MARGA KOTA ADMINISTRASI JAKARTA SELATAN",
 * "SUKU BADAN KESATUAN BANGSA DAN POLITIK") or a region office ("KELURAHAN", "KECAMATAN TEBET").
 * Matching tells which unit is meant; `holder` then picks the office that holds a report at a
 * place: a Dinas's own unit in the report's kota where it has one.
 */

export interface AgencyEntry {
  code: string;
  name: string;
  kind: AgencyKind;
  shortName: string | null;
  regionCode: string | null;
}

/** What a label means: a unit by code (and the kota it names, if any), or the office of the report's own area. */
export type AgencyRef = { code: string; kotaCode: string | null } | { office: 'kelurahan' | 'kecamatan' | 'walikota'; code?: string };

/** Targets an admin may map an agency label to besides an agency code: the office of the report's own area. */
export const OFFICE_TARGETS = { '@kelurahan': 'kelurahan', '@kecamatan': 'kecamatan', '@walikota': 'walikota' } as const;

const AGENCY_WORDS: Readonly<Record<string, string>> = {
  sudin: 'suku dinas',
  suban: 'suku badan',
  kel: 'kelurahan',
  kec: 'kecamatan',
  adm: 'administrasi',
  kab: 'kabupaten',
  kep: 'kepulauan',
  prov: 'provinsi',
  pemprov: 'pemerintah provinsi',
  jkt: 'jakarta',
  jakpus: 'jakarta pusat',
  jakut: 'jakarta utara',
  jakbar: 'jakarta barat',
  jaksel: 'jakarta selatan',
  jaktim: 'jakarta timur',
};
/** The province, a kota's name and filler words: "… Provinsi DKI Jakarta", "… Kota Administrasi Jakarta Selatan". */
const NOISE = [
  / pemerintah provinsi /g,
  / provinsi /g,
  / daerah khusus (ibukota )?jakarta /g,
  / dki( jakarta)? /g,
  / (kota|kabupaten) administrasi /g,
  / kota /g,
  / jakarta (pusat|utara|barat|selatan|timur) /g,
  / kepulauan seribu /g,
  / (dan|serta|persero|perseroda|tbk) /g,
];
const REGIONAL: readonly AgencyKind[] = ['kelurahan', 'kecamatan', 'walikota', 'sudin'];

/** The words that name a unit, without the province, kota or filler; `branch` when it says "Suku Dinas/Badan". */
function unitKey(label: string): { key: string; branch: boolean } {
  let text = ` ${labelWords(label, AGENCY_WORDS).join(' ')} `;
  // twice: the patterns share their spaces, so back-to-back noise words need a second pass
  for (let pass = 0; pass < 2; pass++) for (const re of NOISE) text = text.replace(re, ' ');
  let words = text.trim().split(/\s+/).filter(Boolean);
  const branch = words[0] === 'suku' && (words[1] === 'dinas' || words[1] === 'badan');
  if (branch) words = words.slice(1);
  return { key: squash(words), branch };
}

export interface AgencyMatcher {
  match(label: string): AgencyRef | null;
  /** The code of the agency that holds a report at `place` (null: no place to tell which office). */
  holder(ref: AgencyRef, place: Place | null): string | null;
  /** A kota the label names ("SUKU DINAS … JAKARTA SELATAN", "KECAMATAN TEBET"), to tell same-named kelurahan apart. */
  kotaOf(label: string): string | null;
  /** Turns an admin's mapping target (agency code or `@kelurahan`…) into a reference. */
  target(code: string): AgencyRef | null;
}

/**
 * `rows`: the agencies in the database; `defs`: the reference list with short names and aliases;
 * `aliases`: labels mapped by an admin (labelKey → agency code or `@kelurahan`/`@kecamatan`/`@walikota`).
 */
export function createAgencyMatcher(
  rows: readonly AgencyEntry[],
  defs: readonly AgencyDef[],
  places: PlaceMatcher,
  aliases: ReadonlyMap<string, string> = new Map(),
): AgencyMatcher {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const index = new Map<string, string>();
  const add = (name: string | null | undefined, code: string) => {
    const { key } = name ? unitKey(name) : { key: '' };
    if (key && !index.has(key)) index.set(key, code);
  };
  const units = rows.filter((r) => !REGIONAL.includes(r.kind));
  for (const r of units) add(r.name, r.code);
  for (const d of defs) if (byCode.has(d.code)) add(d.name, d.code);
  for (const r of units) add(r.shortName, r.code);
  for (const d of defs) if (byCode.has(d.code)) for (const name of [d.short, ...(d.aliases ?? [])]) add(name, d.code);

  const target = (code: string): AgencyRef | null => {
    if (code in OFFICE_TARGETS) return { office: OFFICE_TARGETS[code as keyof typeof OFFICE_TARGETS] };
    return byCode.has(code) ? { code, kotaCode: byCode.get(code)!.kind === 'sudin' ? byCode.get(code)!.regionCode : null } : null;
  };
  const kotaOf = (label: string): string | null => {
    const named = places.kota(label);
    if (named) return named;
    const words = labelWords(label, AGENCY_WORDS);
    if (words[0] === 'kecamatan' || words[0] === 'camat') return places.kecamatan(words.slice(1).join(' '))?.slice(0, 5) ?? null;
    return null;
  };

  return {
    target,
    kotaOf,
    match(label) {
      const mapped = aliases.get(labelKey(label));
      if (mapped) return target(mapped);
      const words = labelWords(label, AGENCY_WORDS);
      if (words.length === 0) return null;
      const rest = words.slice(1).join(' ');
      if (words[0] === 'kelurahan' || words[0] === 'lurah') {
        if (!rest) return { office: 'kelurahan' };
        const hit = places.kelurahan(rest);
        return hit && 'place' in hit ? { office: 'kelurahan', code: officeCode.kelurahan(hit.place.kelurahanCode) } : null;
      }
      if (words[0] === 'kecamatan' || words[0] === 'camat') {
        if (!rest) return { office: 'kecamatan' };
        const kec = places.kecamatan(rest);
        return kec ? { office: 'kecamatan', code: officeCode.kecamatan(kec) } : null;
      }
      if (words[0] === 'walikota' || words[0] === 'bupati' || /^(pemerintah )?(kota|kabupaten) administrasi/.test(words.join(' '))) {
        const kota = places.kota(label);
        return words.length === 1 || kota ? { office: 'walikota', ...(kota ? { code: officeCode.kota(kota) } : {}) } : null;
      }
      const { key } = unitKey(label);
      let code = index.get(key);
      // "DINAS SDA": the short name after the word for its kind
      if (!code && /^(dinas|badan|biro|unit|upt)/.test(key)) code = index.get(key.replace(/^(dinas|badan|biro|unit|upt)/, ''));
      return code ? { code, kotaCode: places.kota(label) } : null;
    },
    holder(ref, place) {
      if ('office' in ref) {
        if (ref.code) return ref.code;
        if (!place) return null;
        if (ref.office === 'kelurahan') return officeCode.kelurahan(place.kelurahanCode);
        if (ref.office === 'kecamatan') return officeCode.kecamatan(place.kecamatanCode);
        return officeCode.kota(place.kotaCode);
      }
      const unit = byCode.get(ref.code);
      if (!unit) return null;
      if (unit.kind === 'sudin') return unit.code;
      // a Dinas works through its own unit in the kota the label names, or else the report's kota
      const kota = ref.kotaCode ?? place?.kotaCode ?? null;
      const branch = kota ? byCode.get(officeCode.sudin(unit.code, kota)) : undefined;
      return branch?.kind === 'sudin' ? branch.code : unit.code;
    },
  };
}
