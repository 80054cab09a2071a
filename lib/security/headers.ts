/**
 * The security headers of every response (static rules in next.config.ts, so the tile server the
 * CSP allows is the one configured when the app is built).
 *
 * script-src allows 'unsafe-inline' because Next.js streams its page data as inline scripts and
 * the public pages are served from the page cache: per-request nonces would force every page to
 * render dynamically and cached HTML cannot carry one, and hashes change with every page's data.
 * What still protects: no third-party script origins, no eval, object-src 'none', base-uri and
 * form-action 'self', and React escaping all user text. style-src allows 'unsafe-inline' because
 * Leaflet positions tiles and markers with inline style attributes and Recharts sizes its charts
 * the same way.
 */
export interface SecurityHeaderOptions {
  /** ADUAN_TILE_URL (a Leaflet template such as https://{s}.tile.example/{z}/{x}/{y}.png) or '' */
  tileUrl: string;
  /** `next start` (NODE_ENV=production), not `next dev` */
  isProduction: boolean;
  /** The request reached us over TLS (directly, or X-Forwarded-Proto from the proxy in front). */
  isHttps: boolean;
}

/** The origin tiles are loaded from, as a CSP source: `{s}` subdomains become a wildcard. */
export function tileSource(tileUrl: string): string | null {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(tileUrl.trim());
  if (!match) return null;
  const host = match[2].replace(/\{[a-z]+\}/gi, '*').toLowerCase();
  // a template variable in the middle of a host label cannot be a CSP source; allow the parent domain's subdomains
  const cleaned = host.includes('*') && !host.startsWith('*.') ? `*.${host.slice(host.indexOf('.') + 1)}` : host;
  if (!/^[a-z0-9.*:-]+$/.test(cleaned)) return null;
  return `${match[1].toLowerCase()}://${cleaned}`;
}

export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const tiles = options.tileUrl ? tileSource(options.tileUrl) : null;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // 'unsafe-eval' only for `next dev` (React's debugging uses eval); see the note above for 'unsafe-inline'
    'script-src': ["'self'", "'unsafe-inline'", ...(options.isProduction ? [] : ["'unsafe-eval'"])],
    'style-src': ["'self'", "'unsafe-inline'"],
    // blob: previews the photos chosen in the report form; data: is Leaflet's and the QR codes'
    'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'media-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'manifest-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    // older browsers that do not know frame-ancestors
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // the report form asks for the position itself; nothing else is used
    'Permissions-Policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  // Over plain HTTP browsers ignore HSTS anyway; sending it only behind TLS in production keeps
  // `npm run demo` and development on http://localhost usable.
  if (options.isProduction && options.isHttps) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

/** Whether the request came over TLS: its own URL, or the first X-Forwarded-Proto of the proxy in front. */
export function isHttpsRequest(url: string, forwardedProto: string | null): boolean {
  const proto = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  return proto ? proto === 'https' : url.startsWith('https:');
}
