import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n';
import type { StatTable } from '@/lib/stats/dashboard';

/** A table of figures: each number cell carries its plain value (`data-value`) next to the formatted one. */
export async function StatTableView({ table, caption, tall = false }: { table: StatTable; caption: string; tall?: boolean }) {
  const t = await getTranslations('dasbor');
  const locale = (await getLocale()) as Locale;
  return (
    // focusable, so that a keyboard can scroll a wide or long table
    <div className={`overflow-auto ${tall ? 'max-h-[28rem]' : ''}`} tabIndex={0} role="region" aria-label={caption}>
      <table className="min-w-full text-sm" data-testid={`table-${table.id}`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b text-left">
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={`px-2 py-1 font-semibold ${c.numeric ? 'text-right' : ''}`} data-key={c.key}>
                {t(`columns.${c.key}` as 'columns.laporan')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i} className="border-b last:border-0">
              {row.map((cell, j) => (
                <td
                  key={j}
                  className={`px-2 py-1 ${typeof cell === 'number' ? 'text-right tabular-nums' : ''}`}
                  data-value={cell ?? ''}
                >
                  {cell === null ? t('none') : typeof cell === 'number' ? formatNumber(cell, locale) : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface SectionProps {
  table: StatTable;
  title: string;
  summary: string;
  csvHref: string;
  children?: ReactNode;
  /** The table inside "Tabel" when not this table rendered here (the dashboard loads it after the page). */
  tableView?: ReactNode;
  /** Open "Tabel" (the page was asked for this table). */
  isTableOpen?: boolean;
}

/** A chart with its text alternative, its numbers as a table, and a CSV download of that table. */
export async function StatSection({ table, title, summary, csvHref, children, tableView, isTableOpen = false }: SectionProps) {
  const t = await getTranslations('dasbor');
  return (
    <section aria-labelledby={`judul-${table.id}`} className="space-y-2 rounded-lg border bg-white p-3" data-testid={`section-${table.id}`}>
      <h2 id={`judul-${table.id}`} className="text-lg font-semibold">
        {title}
      </h2>
      <figure className="space-y-2">
        {children}
        <figcaption className="text-sm text-gray-700" data-testid={`summary-${table.id}`}>
          {summary}
        </figcaption>
      </figure>
      <details open={isTableOpen}>
        <summary className="cursor-pointer text-sm font-medium">{t('table')}</summary>
        {tableView ?? <StatTableView table={table} caption={title} />}
      </details>
      <p className="text-sm">
        <a href={csvHref} className="underline" download data-testid={`csv-${table.id}`}>
          {t('csv')} ({title})
        </a>
      </p>
    </section>
  );
}
