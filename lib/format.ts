/** Dates, times and durations in Jakarta time (WIB), in the reader's language. */
type Locale = 'id' | 'en';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', {
      timeZone: 'Asia/Jakarta',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatWib(at: Date, locale: Locale = 'id'): string {
  return `${formatter(locale, true).format(at)} WIB`;
}

export function formatDate(at: Date, locale: Locale = 'id'): string {
  return formatter(locale, false).format(at);
}

const UNITS = {
  id: { minute: 'menit', hour: 'jam', day: 'hari' },
  en: { minute: 'min', hour: 'h', day: 'd' },
};

/** "3 hari 4 jam", "45 menit" / "3 d 4 h": a duration for people, not machines. */
export function formatDuration(ms: number, locale: Locale = 'id'): string {
  const u = UNITS[locale];
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} ${u.minute}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ${u.hour} ${minutes % 60} ${u.minute}`;
  return `${Math.floor(hours / 24)} ${u.day} ${hours % 24} ${u.hour}`;
}

const numberLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'id-ID');

/** "12.345" / "12,345": Indonesian groups thousands with a point and writes decimals with a comma. */
export function formatNumber(n: number, locale: Locale = 'id'): string {
  return n.toLocaleString(numberLocale(locale));
}

/** A figure with a fixed number of decimals: "3,1" / "3.1", never the programmer's "3.1" in Indonesian. */
export function formatDecimal(n: number, digits: number, locale: Locale = 'id'): string {
  return n.toLocaleString(numberLocale(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A mean rating out of five, to one decimal: "4,2 / 5". */
export function formatRating(mean: number, locale: Locale = 'id'): string {
  return `${formatDecimal(mean, 1, locale)} / 5`;
}

const COMPACT = {
  id: { thousand: 'rb', million: 'jt' },
  en: { thousand: 'k', million: 'M' },
};

/**
 * A count in a few characters, for a map badge: "950", "1,2rb", "12rb", "2,5jt" / "1.2k", "12k",
 * "2.5M". Truncated, not rounded, so that a badge never claims more than there are.
 */
export function formatCompact(n: number, locale: Locale = 'id'): string {
  if (n < 1000) return formatNumber(n, locale);
  const [scale, suffix] = n < 1_000_000 ? [1000, COMPACT[locale].thousand] : [1_000_000, COMPACT[locale].million];
  const value = n / scale;
  const shown = value < 10 ? Math.floor(value * 10) / 10 : Math.floor(value);
  return `${shown.toLocaleString(numberLocale(locale), { maximumFractionDigits: 1 })}${suffix}`;
}

/** A route parameter decoded once more, as Next.js leaves `%` escapes in dynamic segments; a malformed escape ("%zz") stays as typed instead of throwing. */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
