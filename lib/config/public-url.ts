/*
 * The portal's public address, for every link sent or printed: messages to reporters, alert
 * confirmations, SKM QR codes, feeds, the API description.
 *
 * ADUAN_PUBLIC_URL names it: one address, or several separated by commas (the first is canonical,
 * the others are aliases a request may arrive through). A request's own Host is used only when it
 * is one of those addresses, or, in development and the demo (nowhere else), any well-formed host:
 * a Host header is whatever the client sent, and a link built from a forged one would send a
 * reporter's private tracking key to someone else's site. Background jobs have no request and
 * use the canonical address. Production refuses to start without it (publicUrlProblem).
 */

type Env = Record<string, string | undefined>;

/** Reads a request header (a Headers object, or anything with the same `get`). */
export interface HeaderReader {
  get(name: string): string | null;
}

export const PUBLIC_URL_VARIABLE = 'ADUAN_PUBLIC_URL';

/** The demo (ADUAN_DEMO=1) and `next dev`: no address need be configured. */
export function isDemoOrDevelopment(env: Env = process.env): boolean {
  return env.NODE_ENV !== 'production' || env.ADUAN_DEMO === '1';
}

/** The address of a machine with nothing configured (development and the demo only). */
function localAddress(env: Env): string {
  const port = /^\d{1,5}$/.test(env.PORT ?? '') ? env.PORT : '3000';
  return `http://localhost:${port}`;
}

/** One configured address, normalised (no trailing slash), or null when it is not an http(s) URL without credentials, query or fragment. */
function normalise(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The configured addresses, canonical first; empty when none is set. Invalid entries make publicUrlProblem report. */
export function configuredPublicUrls(env: Env = process.env): string[] {
  return (env[PUBLIC_URL_VARIABLE] ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .map(normalise)
    .filter((v): v is string => v !== null);
}

/**
 * Why this process must not serve, or null: in production (outside the demo) the address must be
 * configured, and every configured address must be an http(s) URL.
 */
export function publicUrlProblem(env: Env = process.env): string | null {
  const raw = (env[PUBLIC_URL_VARIABLE] ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  const invalid = raw.filter((v) => normalise(v) === null);
  if (invalid.length) {
    return `${PUBLIC_URL_VARIABLE} must be the portal's public http(s) address, e.g. https://aduan.jakarta.go.id (got ${JSON.stringify(invalid[0])}).`;
  }
  if (raw.length === 0 && !isDemoOrDevelopment(env)) {
    return (
      `${PUBLIC_URL_VARIABLE} is not set. Links in messages, alert confirmations, SKM QR codes and feeds need the portal's ` +
      `public address: set ${PUBLIC_URL_VARIABLE}=https://your-portal.example (several separated by commas, the first canonical), ` +
      'or ADUAN_DEMO=1 for a demo that takes the address from each request.'
    );
  }
  return null;
}

/** The canonical address, for work without a request (the outbox worker, alerts): configured, or the local address in development and the demo. */
export function publicUrl(env: Env = process.env): string {
  return configuredPublicUrls(env)[0] ?? localAddress(env);
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The host of a URL as the URL parser normalises it (case, default port), or null. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** The first value of a header that proxies may have turned into a list. */
const firstValue = (value: string | null) => value?.split(',')[0]?.trim() || null;

/**
 * The address for links made while answering a request: the configured address the request came
 * through (so an alias answers with itself), else the canonical one; only in development and the
 * demo, with nothing configured, the request's own host when it is a well-formed host name.
 */
export function publicUrlForRequest(headers: HeaderReader, env: Env = process.env): string {
  const host = firstValue(headers.get('x-forwarded-host')) ?? firstValue(headers.get('host'));
  const configured = configuredPublicUrls(env);
  if (configured.length) {
    if (host && HOST.test(host)) {
      const match = configured.find((address) => {
        const url = new URL(address);
        return hostOf(`${url.protocol}//${host}`) === url.host;
      });
      if (match) return match;
    }
    return configured[0];
  }
  if (!isDemoOrDevelopment(env) || !host || !HOST.test(host)) return localAddress(env);
  const proto = firstValue(headers.get('x-forwarded-proto'));
  return `${proto === 'https' ? 'https' : 'http'}://${host.toLowerCase().replace(/\.(?=:|$)/, '')}`;
}
