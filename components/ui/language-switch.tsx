'use client';

import { usePathname, useSearchParams } from 'next/navigation';

/** A plain link (works without JavaScript) that switches language and comes back to this page. */
export function LanguageSwitch({ target, label }: { target: 'id' | 'en'; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const back = search ? `${pathname}?${search}` : pathname;
  return (
    <a
      href={`/bahasa?ke=${target}&kembali=${encodeURIComponent(back)}`}
      lang={target}
      hrefLang={target}
      className="rounded border border-white/40 px-2 py-1 text-xs hover:bg-white/10"
      data-testid="language-switch"
    >
      {label}
    </a>
  );
}
