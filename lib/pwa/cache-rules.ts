/**
 * What the service worker (lib/pwa/sw.ts) may keep on the phone. Pure, so the rules are tested
 * without a browser (cache-rules.test.ts).
 *
 * Only an allow-list of citizen pages is ever written to the cache: the report form, the tracker,
 * public ticket pages and the reporter's private tracking page (its key is in the address, and the
 * page is the same whoever opens it). None of them reads the staff session, so a page cached while
 * an official is signed in holds nothing of the workspace. Staff pages, sign-in, the API, the
 * language switch and anything but a GET are never cached; their navigations only get the offline
 * page when the network is down.
 */

/** Where a navigation may be answered from when the network fails. */
export type PageRule =
  /** fetched fresh each time; the last copy is kept and shown offline */
  | 'network-first'
  /** never cached; offline, the offline page */
  | 'network-only';

/** The offline page, precached at install (app/[locale]/luring). */
export const OFFLINE_PATH = '/luring';
/** Cached at install, so they open offline even before the citizen has visited them. */
export const WARM_PATHS = ['/lapor', '/lacak'] as const;

/** The message a page sends the worker when the page's language is not the one the kept pages were fetched in. */
export const LANGUAGE_CHANGED = 'aduan-bahasa';

/** The report form, the tracker, a ticket's private tracking page and its public page (not its sub-pages). */
const CACHED_PAGES = [/^\/lapor$/, /^\/lacak$/, /^\/lacak\/[^/]+$/, /^\/laporan\/[^/]+$/];
/** Kept out of the cache whatever CACHED_PAGES says. */
const PRIVATE_PREFIXES = ['/petugas', '/masuk', '/api', '/open311', '/bahasa', '/serwist'];

function hasPrefix(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** Strips a trailing slash and the internal language prefix (/id/…, /en/…), which the router adds itself. */
export function publicPath(pathname: string): string {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return trimmed.replace(/^\/(?:id|en)(?=\/|$)/, '') || '/';
}

export function isPrivatePath(pathname: string): boolean {
  const path = publicPath(pathname);
  return PRIVATE_PREFIXES.some((prefix) => hasPrefix(path, prefix));
}

/** The rule for a same-origin page navigation. */
export function pageRule(url: URL, method: string): PageRule {
  if (method !== 'GET' || isPrivatePath(url.pathname)) return 'network-only';
  const path = publicPath(url.pathname);
  return CACHED_PAGES.some((pattern) => pattern.test(path)) ? 'network-first' : 'network-only';
}

const TOKEN_INPUT = /<input\b[^>]*\bname="formToken"[^>]*>/;
const TOKEN_VALUE = /\bvalue="([A-Za-z0-9_-]{16,64})"/;

/**
 * The report form as kept offline, with a new form token. The token makes a retried submission
 * file one ticket, and the private tracking key is derived from it: a second report sent from the
 * same cached copy would otherwise be taken for a retry of the first and answered with the first
 * report's number and key. It is replaced everywhere it occurs (the hidden input and the page's
 * React data); a page without one is returned as it is.
 */
export function withFreshFormToken(html: string, freshToken: string): string {
  const input = TOKEN_INPUT.exec(html)?.[0];
  const token = input ? TOKEN_VALUE.exec(input)?.[1] : undefined;
  return token ? html.split(token).join(freshToken) : html;
}

/** 16 random bytes, base64url: the shape the report form's own tokens have (app/[locale]/lapor/page.tsx). */
export function newFormToken(random: Uint8Array): string {
  let binary = '';
  for (const byte of random) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
