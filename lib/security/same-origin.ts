/*
 * A state-changing request from a browser page must come from one of this site's own pages, as
 * Next.js checks for server actions: the Origin header's host must be the host the request was
 * addressed to (X-Forwarded-Host when a proxy set it, else Host). Unlike server actions, a
 * request without an Origin is refused too: every browser sends one with a POST, and a client
 * that is not a browser has the Open311 API with its key.
 */

interface HeaderReader {
  get(name: string): string | null;
}

export function isSameOrigin(headers: HeaderReader): boolean {
  const origin = headers.get('origin');
  const host = (headers.get('x-forwarded-host') ?? headers.get('host'))?.split(',')[0].trim().toLowerCase();
  if (!origin || !host || origin === 'null') return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host.toLowerCase() === host;
  } catch {
    return false;
  }
}
