'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { normalise, searchCategories } from '@/lib/intake/category-search';

export interface CategoryOption {
  code: string;
  name: string;
  group: string;
}

interface Props {
  categories: CategoryOption[];
  value: string;
  onChange: (code: string) => void;
  /** the field's error, already in the reader's language */
  error: React.ReactNode;
  className: string;
}

/**
 * Search by the words people use ("lubang", "macet", "pohon tumbang") with the best matches as
 * buttons to tap, and the grouped list narrowed to the matches.
 */
export function CategoryPicker({ categories, value, onChange, error, className }: Props) {
  const t = useTranslations('lapor');
  const [query, setQuery] = useState('');
  const isSearching = normalise(query) !== '';
  const matches = useMemo(() => searchCategories(categories, query), [categories, query]);
  // the chosen category stays in the list even when the search no longer finds it
  const chosen = categories.find((c) => c.code === value);
  const listed = isSearching && chosen && !matches.includes(chosen) ? [...matches, chosen] : matches;
  const groups = [...new Set(listed.map((c) => c.group))];

  return (
    <fieldset className="space-y-2">
      <legend className="font-semibold">{t('category')}</legend>
      <input type="search" aria-label={t('categorySearch')} placeholder={t('categorySearch')} value={query} onChange={(e) => setQuery(e.target.value)} className={className} />
      {isSearching ? (
        matches.length > 0 ? (
          <div className="space-y-1" data-testid="category-matches">
            <p className="text-sm text-gray-700">{t('categoryMatches')}</p>
            <ul className="flex flex-wrap gap-2">
              {matches.slice(0, 6).map((c) => (
                <li key={c.code}>
                  <button
                    type="button"
                    aria-pressed={value === c.code}
                    onClick={() => onChange(c.code)}
                    className="min-h-11 rounded border border-[#0f3d5e] px-3 py-2 text-left text-sm aria-pressed:bg-[#0f3d5e] aria-pressed:text-white"
                  >
                    <span className="font-semibold">{c.name}</span> <span className="opacity-80">· {c.group}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-sm text-amber-900" role="status">{t('categoryNone', { query: query.trim() })}</p>
        )
      ) : null}
      <select
        id="kategori"
        name="kategori"
        aria-label={t('category')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={className}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? 'kategori-error' : undefined}
      >
        <option value="">{t('categoryPick')}</option>
        {groups.map((g) => (
          <optgroup key={g} label={g}>
            {listed.filter((c) => c.group === g).map((c) => (
              <option key={c.code} value={c.code}>{c.name}</option>
            ))}
          </optgroup>
        ))}
      </select>
      {error}
    </fieldset>
  );
}
