/*
 * A return address taken from a query (`/bahasa?kembali=…`) must stay on this site. Browsers are
 * lenient where an attacker wants them to be: they read `\` as `/`, drop tabs and line breaks
 * anywhere in a URL, and take `//host` as another host; proxies and later code may decode
 * `%2F`, `%5C` and `%09` once more. So a path is accepted only when it starts with one `/`, and
 * neither it nor its percent-decoded forms hold a backslash or a control character, nor start
 * with `//`; what is returned is the browser's own reading of it (WHATWG URL), re-checked.
 */

const BASE = 'http://aduan.invalid';
const UNSAFE = /[\u0000-\u001f\u007f\\]/;
const MAX_LENGTH = 2048;

function looksSameSite(text: string): boolean {
  return text.startsWith('/') && !text.startsWith('//') && !UNSAFE.test(text);
}

/** `value` when it is a path on this site, else `fallback`; the result is safe for a Location header. */
export function sameSitePath(value: string | null | undefined, fallback = '/'): string {
  if (!value || value.length > MAX_LENGTH) return fallback;
  let text = value;
  // the value and up to three decodings of it (%252F → %2F → /)
  for (let round = 0; round < 4; round++) {
    if (!looksSameSite(text)) return fallback;
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return fallback;
    }
    if (decoded === text) break;
    text = decoded;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//host` resolves to the path `//host`, which a browser reads as another host
  return url.origin === BASE && looksSameSite(path) ? path : fallback;
}
