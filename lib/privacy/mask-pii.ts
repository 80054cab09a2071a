/**
 * Masks Indonesian personal data in free text that citizens write (report descriptions,
 * responses, addresses) before any public rendering: NIK/KK numbers, phone numbers, e-mail
 * addresses (also spelled out, "nama [at] gmail [dot] com") and bank account numbers.
 *
 * It errs towards masking: a hidden number is a small loss, a published NIK is not. But what a
 * report is about must stay readable, so licence plates, ticket numbers, region codes, RT/RW,
 * dates, times, money, measurements and coordinates are left alone.
 *
 * The text is public input, so every pattern runs in linear time: no nested unbounded quantifiers
 * over overlapping characters, and the digit scanner looks at most 16 digits ahead.
 */

const NIK = '[NIK disembunyikan]';
const PHONE = '[nomor disembunyikan]';
const EMAIL = '[email disembunyikan]';
const ACCOUNT = '[rekening disembunyikan]';

// "@", "[at]", "(at)" with any spacing; dots likewise ("[dot]", " dot ", "titik"). A plain dot with
// spaces counts only when spaced on both sides, so "budi@gmail.com. Terima kasih" keeps its next word.
const AT = String.raw`(?:\s*@\s*|\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*)`;
const DOT = String.raw`(?:\.|\s+\.\s+|\s*[\[({<]\s*(?:dot|titik)\s*[\])}>]\s*|\s+(?:dot|titik)\s+)`;
// "budi@gmail" without the ".com" still names a mailbox when the provider is a webmail one.
const WEBMAIL = 'gmail|yahoo|ymail|hotmail|outlook|icloud';
// The bare word " at " is also English ("ketemu at home.Besok"), so it needs a usual top-level domain.
const USUAL_TLD = 'com|net|org|id|co|info|biz|edu|gov|io|me|my|sg';
const emailPattern = (at: string, tld: string) =>
  new RegExp(
    String.raw`(?<![\w.%+-])[\w.%+-]+${at}(?:(?:[a-z0-9-]+${DOT})+(?:${tld})|(?:${WEBMAIL})(?![\w-]))`,
    'gi',
  );
const EMAIL_PATTERNS = [
  emailPattern(AT, '[a-z]{2,24}'),
  emailPattern(String.raw`\s+at\s+`, `(?:${USUAL_TLD})(?![\w-])`),
];

// Between digit groups people type a space, a dash (maybe spaced), a dot, or brackets round an
// area code: "0812 3456", "0812 - 3456", "0812.3456", "(021) 345", "+62(21)555".
const SEP = String.raw`(?:\)?(?:[ \u00a0]?-[ \u00a0]?|[ \u00a0.])?\(?)`;
const JOIN = /^\)?(?:[ \u00a0]?-[ \u00a0]?|[ \u00a0.])?\(?$/;
// Dates and money amounts, which a keyword such as "rekening" (also "bill") may precede.
const DATE =
  /^(?:(?:0?[1-9]|[12]\d|3[01])([-./])(?:0?[1-9]|1[0-2])\1(?:\d{2}|\d{4})|\d{4}-\d\d-\d\d)$/;
const MONEY = /^\d{1,3}(?:\.\d{3})+$/;

interface KeywordRule {
  pattern: RegExp;
  label: string;
}

/**
 * A number that follows a word naming what it is. The words between are for bank names and
 * holders ("rekening BCA a.n. Budi 123…"); "Rp" ends them, since "rekening listrik Rp 1.500.000"
 * is a bill. The keyword is kept, only the number is replaced.
 */
function keywordRule(
  keywords: string,
  words: number,
  min: number,
  max: number,
  label: string,
): KeywordRule {
  const head = String.raw`(?<![\[\w])(?:${keywords})(?:[\s:.,/]+(?!rp(?![a-z]))[a-z]+){0,${words}}[\s:.,/#=-]*`;
  const number = String.raw`\+?\(?\d(?:${SEP}\d){${min - 1},${max - 1}}(?!\d)`;
  return { pattern: new RegExp(`(${head})(${number})`, 'gi'), label };
}

const KEYWORD_RULES: KeywordRule[] = [
  keywordRule('rekening|norek|rek', 6, 8, 20, ACCOUNT),
  // Catches mistyped NIKs (15 or 17 digits) that the 16-digit rule below would miss.
  keywordRule('nik|nkk|kk|ktp|kependudukan', 2, 12, 18, NIK),
  // Catches local numbers typed without the area code ("telp 5551234").
  keywordRule(
    'telepon|telpon|telp|tlp|tel|handphone|hp|ponsel|whatsapp|wa|sms|kontak|hubungi',
    0,
    7,
    15,
    PHONE,
  ),
];

/** Masks NIK/KK numbers, phone numbers, e-mail addresses and bank account numbers in `text`. */
export function maskPersonalData(text: string): string {
  let masked = text;
  for (const pattern of EMAIL_PATTERNS) masked = masked.replace(pattern, EMAIL);
  for (const { pattern, label } of KEYWORD_RULES) {
    masked = masked.replace(pattern, (match: string, head: string, number: string) => {
      // The date may come with a time after it: "rekening air 12-08-2024 08.30".
      if (DATE.test(number.split(/\s/)[0]) || MONEY.test(number)) return match;
      const isPhoneNumber =
        label === NIK && isPhone(number.replace(/\D/g, ''), /\d+/.exec(number)![0].length);
      // An opening bracket stays when the number does not close it: "hubungi (0812…)".
      const bracket = number.startsWith('(') && !number.includes(')') ? '(' : '';
      return head + bracket + (isPhoneNumber ? PHONE : label);
    });
  }
  return maskDigitGroups(masked);
}

interface Group {
  start: number;
  end: number;
  digits: string;
}

/**
 * Finds NIKs and phone numbers without a keyword. Digit groups joined by a separator are read
 * together, so "3171 0123 4567 0001" is one number, and from each group the longest number that
 * is a NIK or a phone wins. A group cannot start one when glued to a letter ("JK2306180342",
 * "B1234XYZ"), after "Rp", or right after a digit and a dot or dash ("Rp 1.062.500.000", "-6.2088").
 */
function maskDigitGroups(text: string): string {
  const groups: Group[] = Array.from(text.matchAll(/\d+/g), (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    digits: m[0],
  }));
  let out = '';
  let cursor = 0;
  let lastMasked = -1;
  for (let i = 0; i < groups.length; i++) {
    const hit = numberAt(text, groups, i, lastMasked === i - 1);
    if (!hit) continue;
    // "2024 3171 0123 4567 0001" also reads as 16 digits from "2024"; a NIK with a real province
    // code that starts inside and reaches further is the one.
    if (hit.label === NIK && !isRealNik(hit.digits) && hasRealNikInside(text, groups, i, hit.last))
      continue;
    out += text.slice(cursor, hit.from) + hit.label;
    cursor = groups[hit.last].end;
    lastMasked = i = hit.last;
  }
  return out + text.slice(cursor);
}

function numberAt(text: string, groups: Group[], i: number, isAfterMask: boolean) {
  const first = groups[i];
  const before = text.slice(Math.max(0, first.start - 4), first.start);
  const lead = /\(?\+?$/.exec(before)![0];
  const previous = text[first.start - lead.length - 1] ?? '';
  if (/[a-z_]/i.test(previous) || /rp\.?\s?$/i.test(before)) return null;
  const isTight = i > 0 && !isAfterMask && groups[i - 1].end === first.start - 1;
  if (isTight && /[.,:/-]/.test(previous)) return null;

  let digits = '';
  let best: { last: number; label: string; digits: string } | null = null;
  // One number keeps one separator. Only the gaps round a country or area code may differ, and
  // only they hold brackets: "+62 (21) 555-1234". So "12-08-2024 3171 0123 4567 0001" is a date
  // and then a NIK.
  let style: string | null = null;
  for (let j = i; j < groups.length; j++) {
    if (j > i) {
      if (groups[j].start - groups[j - 1].end > 3) break;
      const gap = text.slice(groups[j - 1].end, groups[j].start);
      if (!JOIN.test(gap) || (gap.includes('(') && j > i + 1) || (gap.includes(')') && j > i + 2))
        break;
      if (j > i + 1 && !/[()]/.test(gap) && (style ??= gap) !== gap) break;
    }
    digits += groups[j].digits;
    if (digits.length > 16) break;
    if (digits.length < 9 || MONEY.test(text.slice(first.start, groups[j].end))) continue;
    if (digits.length === 16 && digits[0] !== '0') best = { last: j, label: NIK, digits };
    else if (isPhone(digits, first.digits.length)) best = { last: j, label: PHONE, digits };
  }
  if (!best) return null;
  const raw = text.slice(first.start, groups[best.last].end);
  // An opening bracket goes with the number only if the number closes it: "(021) 345…".
  const from =
    first.start - (lead.startsWith('(') && !raw.includes(')') ? lead.length - 1 : lead.length);
  return { ...best, from };
}

/**
 * Indonesian numbers: 0 or 62 (then maybe a stray 0), a national number that starts with an area
 * code (2…9, mobile 8), 9 to 13 digits in all with the 0. A leading group of one or two digits
 * ("05-08-2024", "6.2088") is a date or a coordinate, never a trunk prefix.
 */
function isPhone(digits: string, firstGroupLength: number): boolean {
  let national = '';
  if (digits.startsWith('62') && firstGroupLength >= 2)
    national = digits.slice(2).replace(/^0/, '');
  else if (digits.startsWith('0') && firstGroupLength >= 3) national = digits.slice(1);
  return /^[2-9]\d{7,11}$/.test(national);
}

function hasRealNikInside(text: string, groups: Group[], i: number, last: number): boolean {
  for (let k = i + 1; k <= last; k++) {
    const later = numberAt(text, groups, k, false);
    if (later?.label === NIK && later.last > last && isRealNik(later.digits)) return true;
  }
  return false;
}

/** A NIK or KK number starts with a province code (Aceh 11 … Papua 9x). */
function isRealNik(digits: string): boolean {
  return /^(?:1[1-9]|21|3[1-6]|5[1-3]|6[1-5]|7[1-6]|8[12]|9[1-7])/.test(digits);
}
