import { kotaNameIn, labelKey, labelWords, squash } from './label';

/**
 * Kelurahan, kecamatan and kota names as archives write them: "KELURAHAN KALI BARU",
 * "Kel. Pegangsaan II", "P. Untung Jawa", "CIPETE UTARA, KEBAYORAN BARU", old names such as
 * "Sukabumi Ilir". A name that fits several kelurahan is resolved only by a kecamatan or kota the
 * label (or the report's agency) names; otherwise it is reported as ambiguous, never guessed.
 */

export interface RegionEntry {
  code: string;
  name: string;
  level: 'kota' | 'kecamatan' | 'kelurahan';
  parentCode: string | null;
}

export interface Place {
  kelurahanCode: string;
  kecamatanCode: string;
  kotaCode: string;
}

export type PlaceMatch = { place: Place } | { ambiguous: string[] } | null;

/** Older names and spellings of kelurahan still met in archives, with today's Kemendagri name. */
export const KELURAHAN_ALIASES: Readonly<Record<string, string>> = {
  'Sukabumi Ilir': 'Sukabumi Utara',
  'Sukabumi Udik': 'Sukabumi Selatan',
  'Meruya Ilir': 'Meruya Utara',
  'Meruya Udik': 'Meruya Selatan',
  'Kampung Tengah': 'Tengah',
  'Halim Perdanakusuma': 'Halim Perdana Kusuma',
  'Halim Perdana Kusumah': 'Halim Perdana Kusuma',
  'Tanah Serial': 'Tanah Sereal',
  'Harapan Mulya': 'Harapan Mulia',
  Makassar: 'Makasar',
  'Tanjung Priuk': 'Tanjung Priok',
  'Bidara China': 'Bidara Cina',
};

const PREFIX = new Set(['kelurahan', 'desa', 'ds']);
/** Words after which a label names the kecamatan or kota, not the kelurahan. */
const QUALIFIER = new Set(['kecamatan', 'kota', 'kabupaten', 'jakarta', 'administrasi', 'dki', 'provinsi', 'wilayah']);
const shortKota = (name: string) => labelKey(name.replace(/^(Kota|Kabupaten) Administrasi /, ''));

export interface PlaceMatcher {
  kelurahan(label: string, hint?: { kotaCode?: string | null }): PlaceMatch;
  /** The kecamatan code a name means ("Kebayoran Baru", "KEC. TEBET"), or null. */
  kecamatan(label: string): string | null;
  /** The kota code a text names ("Jakarta Selatan", "JAKSEL", "Kep. Seribu"), or null. */
  kota(label: string): string | null;
  /** The place of a kelurahan by its code, or null. */
  byCode(code: string): Place | null;
}

function push(index: Map<string, string[]>, key: string, code: string) {
  const list = index.get(key);
  if (!list) index.set(key, [code]);
  else if (!list.includes(code)) list.push(code);
}

/** `aliases`: labels mapped by an admin (labelKey of the whole label → kelurahan code). */
export function createPlaceMatcher(regions: readonly RegionEntry[], aliases: ReadonlyMap<string, string> = new Map()): PlaceMatcher {
  const parent = new Map(regions.map((r) => [r.code, r.parentCode]));
  const kota = new Map<string, string>();
  const kecamatan = new Map<string, string[]>();
  const primary = new Map<string, string[]>();
  const secondary = new Map<string, string[]>();
  for (const r of regions) {
    if (r.level === 'kota') kota.set(shortKota(r.name), r.code);
    else if (r.level === 'kecamatan') push(kecamatan, squash(labelWords(r.name)), r.code);
    else {
      const words = labelWords(r.name);
      push(primary, squash(words), r.code);
      // the islands of Kepulauan Seribu, also without "Pulau"
      if (words[0] === 'pulau' && words.length > 1) push(secondary, squash(words.slice(1)), r.code);
    }
  }
  for (const [old, today] of Object.entries(KELURAHAN_ALIASES)) {
    for (const code of primary.get(squash(labelWords(today))) ?? []) push(secondary, squash(labelWords(old)), code);
  }
  const kecamatanKey = new Map([...kecamatan].flatMap(([key, codes]) => codes.map((code) => [code, key] as const)));
  const kelurahanCodes = new Set([...primary.values(), ...secondary.values()].flat());
  const placeOf = (code: string): Place => {
    const kec = parent.get(code)!;
    return { kelurahanCode: code, kecamatanCode: kec, kotaCode: parent.get(kec) ?? kec.slice(0, 5) };
  };
  const kotaIn = (words: string[]) => {
    const name = kotaNameIn(words);
    return name ? (kota.get(name) ?? null) : null;
  };

  return {
    byCode: (code) => (kelurahanCodes.has(code) ? placeOf(code) : null),
    kota: (label) => kotaIn(labelWords(label)),
    kecamatan(label) {
      let words = labelWords(label);
      while (words[0] === 'kecamatan') words = words.slice(1);
      const hits = kecamatan.get(squash(words)) ?? [];
      return hits.length === 1 ? hits[0] : null;
    },
    kelurahan(label, hint) {
      const mapped = aliases.get(labelKey(label));
      if (mapped && kelurahanCodes.has(mapped)) return { place: placeOf(mapped) };
      const [head, ...rest] = label.split(/[,;/(]/);
      let words = labelWords(head);
      while (words.length > 1 && PREFIX.has(words[0])) words = words.slice(1);
      const cut = words.findIndex((w, i) => i > 0 && QUALIFIER.has(w));
      const context = [...(cut > 0 ? words.slice(cut) : []), ...labelWords(rest.join(' '))];
      if (cut > 0) words = words.slice(0, cut);
      const key = squash(words);
      const candidates = primary.get(key) ?? secondary.get(key) ?? [];
      if (candidates.length === 0) return null;
      if (candidates.length === 1) return { place: placeOf(candidates[0]) };
      // several kelurahan carry this name: only a kecamatan or kota named alongside decides
      const contextKey = squash(context);
      const byKecamatan = candidates.filter((code) => contextKey.includes(kecamatanKey.get(placeOf(code).kecamatanCode) ?? '\u0000'));
      if (byKecamatan.length === 1) return { place: placeOf(byKecamatan[0]) };
      const kotaCode = kotaIn(context) ?? hint?.kotaCode ?? null;
      const byKota = candidates.filter((code) => placeOf(code).kotaCode === kotaCode);
      return byKota.length === 1 ? { place: placeOf(byKota[0]) } : { ambiguous: candidates };
    },
  };
}
