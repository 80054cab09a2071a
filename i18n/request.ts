import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from './locales';

// Bahasa Indonesia by default; the choice of language is kept in a cookie so that every
// route keeps its one public address (no /en prefix). Pages get the language from their
// [locale] segment (proxy.ts rewrites to it); route handlers fall back to the cookie.
export default getRequestConfig(async ({ requestLocale }) => {
  let locale = await requestLocale;
  if (!isLocale(locale)) {
    const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
    locale = isLocale(chosen) ? chosen : DEFAULT_LOCALE;
  }
  return {
    locale,
    timeZone: 'Asia/Jakarta',
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
