import { NextResponse, type NextRequest } from 'next/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from '@/i18n/locales';
import { sameSitePath } from '@/lib/security/same-site-path';

/** GET /bahasa?ke=en&kembali=/laporan → sets the language and returns to the page (works without JS). */
export function GET(request: NextRequest) {
  const wanted = request.nextUrl.searchParams.get('ke');
  // Only same-site paths: never an open redirect (see lib/security/same-site-path.ts).
  const target = sameSitePath(request.nextUrl.searchParams.get('kembali'));
  // A relative Location: behind a proxy the server's own idea of its origin may differ from the browser's.
  const response = new NextResponse(null, { status: 303, headers: { Location: target } });
  response.cookies.set(LOCALE_COOKIE, isLocale(wanted) ? wanted : DEFAULT_LOCALE, {
    path: '/',
    maxAge: 365 * 24 * 3600,
    sameSite: 'lax',
  });
  return response;
}
