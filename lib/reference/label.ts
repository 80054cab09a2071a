/**
 * How labels from outside (an archive's category, agency and kelurahan columns) are read: case,
 * accents, punctuation, spacing, abbreviations and numerals do not matter. Pure functions.
 */

/** Lower case, no accents, "&" as "dan", punctuation as spaces, single spaces: the stored key of a label. */
export function labelKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of a label, abbreviations and numerals written out ("KP. RAWA II" → kampung rawa dua). */
export function labelWords(value: string, expand: Readonly<Record<string, string>> = PLACE_WORDS): string[] {
  return labelKey(value)
    .split(' ')
    .filter(Boolean)
    .flatMap((w) => (expand[w] ?? NUMERALS[w] ?? w).split(' '));
}

/** Words joined without spaces: "Kali Baru" and "Kalibaru" meet. */
export const squash = (words: readonly string[]) => words.join('');

const NUMERALS: Record<string, string> = {
  '1': 'satu',
  '2': 'dua',
  ii: 'dua',
  '3': 'tiga',
  iii: 'tiga',
  '4': 'empat',
  iv: 'empat',
  '5': 'lima',
  '6': 'enam',
  '7': 'tujuh',
  '8': 'delapan',
  '9': 'sembilan',
};

/** Abbreviations in place names as operators type them. */
export const PLACE_WORDS: Readonly<Record<string, string>> = {
  kel: 'kelurahan',
  kec: 'kecamatan',
  kp: 'kampung',
  kmp: 'kampung',
  kamp: 'kampung',
  kb: 'kebon',
  pd: 'pondok',
  pdk: 'pondok',
  tj: 'tanjung',
  tg: 'tanjung',
  tjg: 'tanjung',
  p: 'pulau',
  ps: 'pasar',
  psr: 'pasar',
  kby: 'kebayoran',
  utr: 'utara',
  sel: 'selatan',
  slt: 'selatan',
  sltn: 'selatan',
  brt: 'barat',
  tim: 'timur',
  tmr: 'timur',
  tgh: 'tengah',
  adm: 'administrasi',
  kab: 'kabupaten',
  kep: 'kepulauan',
  jkt: 'jakarta',
  jakpus: 'jakarta pusat',
  jakut: 'jakarta utara',
  jakbar: 'jakarta barat',
  jaksel: 'jakarta selatan',
  jaktim: 'jakarta timur',
};

/** "Jakarta Selatan", "JAKSEL", "Kota Adm. Jakarta Selatan", "Kep. Seribu": the kota name a text holds, as its short name. */
export function kotaNameIn(words: readonly string[]): string | null {
  const text = ` ${words.join(' ')} `;
  const jakarta = / jakarta (pusat|utara|barat|selatan|timur) /.exec(text);
  if (jakarta) return `jakarta ${jakarta[1]}`;
  if (/ (kepulauan )?seribu /.test(text)) return 'kepulauan seribu';
  return null;
}
