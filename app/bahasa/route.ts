import { NextResponse, type NextRequest } from 'next/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from '@/i18n/locales';

/** GET /bahasa?ke=en&kembali=/laporan → sets the language and returns to the page (works without JS). */
export function GET(request: NextRequest) {
  const wanted = request.nextUrl.searchParams.get('ke');
  const back = request.nextUrl.searchParams.get('kembali') ?? '/';
  // Only same-site paths: never an open redirect.
  const target = back.startsWith('/') && !back.startsWith('//') ? back : '/';
  // A relative Location: behind a proxy the server's own idea of its origin may differ from the browser's.
  const response = new NextResponse(null, { status: 303, headers: { Location: target } });
  response.cookies.set(LOCALE_COOKIE, isLocale(wanted) ? wanted : DEFAULT_LOCALE, {
    path: '/',
    maxAge: 365 * 24 * 3600,
    sameSite: 'lax',
  });
  return response;
}
