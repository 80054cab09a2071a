'use client';

import { useEffect, useState } from 'react';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n';
import { StatChart, type ChartSeries } from './stat-chart';

type Cell = string | number | null;
interface Figures {
  tables: { id: string; columns: string[]; rows: Cell[][] }[];
}

// One request per address, shared by every chart and table of the page (GET /api/dasbor, cached).
const loads = new Map<string, Promise<Figures | null>>();

function useTable(source: string, id: string) {
  const [table, setTable] = useState<Figures['tables'][number] | null>(null);
  useEffect(() => {
    let isCurrent = true;
    let load = loads.get(source);
    if (!load) {
      load = fetch(source)
        .then((response) => (response.ok ? (response.json() as Promise<Figures>) : null))
        .catch(() => null);
      loads.set(source, load);
    }
    load.then((figures) => {
      if (isCurrent) setTable(figures?.tables.find((t) => t.id === id) ?? null);
    });
    return () => {
      isCurrent = false;
    };
  }, [source, id]);
  return table;
}

/** A chart of one of the dashboard's tables, drawn from the figures loaded after the page. */
export function LazyStatChart({ source, id, summary, ...chart }: { source: string; id: string; labelKey: string; series: ChartSeries[]; horizontal?: boolean; summary: string }) {
  const table = useTable(source, id);
  if (!table) return <div role="img" aria-label={summary} className="w-full" data-testid="stat-chart" aria-busy />;
  const data = table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i]])));
  return <StatChart data={data} summary={summary} {...chart} />;
}

interface TableProps {
  source: string;
  id: string;
  caption: string;
  /** Column headings by column key. */
  headings: Record<string, string>;
  numeric: string[];
  none: string;
  locale: Locale;
  tall?: boolean;
  /** Show only this many first and last rows (league tables), or every row. */
  ends?: number | null;
  /** The same table rendered by the server: where a browser without JavaScript goes. */
  fallbackHref: string;
  fallbackLabel: string;
}

/**
 * One of the dashboard's tables, drawn from the figures loaded after the page instead of being
 * carried in it twice (HTML and React's payload); without JavaScript, a link to the page with
 * this table rendered by the server. The markup is StatTableView's.
 */
export function LazyStatTable({ source, id, caption, headings, numeric, none, locale, tall = false, ends = null, fallbackHref, fallbackLabel }: TableProps) {
  const table = useTable(source, id);
  if (!table) {
    return (
      <p className="text-sm">
        <a href={fallbackHref} className="underline">
          {fallbackLabel}
        </a>
      </p>
    );
  }
  const rows = ends !== null && table.rows.length > 2 * ends ? [...table.rows.slice(0, ends), ...table.rows.slice(-ends)] : table.rows;
  return (
    // focusable, so that a keyboard can scroll a wide or long table
    <div className={`overflow-auto ${tall ? 'max-h-[28rem]' : ''}`} tabIndex={0} role="region" aria-label={caption}>
      <table className="min-w-full text-sm" data-testid={`table-${id}`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b text-left">
            {table.columns.map((key) => (
              <th key={key} scope="col" className={`px-2 py-1 font-semibold ${numeric.includes(key) ? 'text-right' : ''}`} data-key={key}>
                {headings[key] ?? key}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className="border-b last:border-0">
              {row.map((cell, j) => (
                <td key={j} className={`px-2 py-1 ${typeof cell === 'number' ? 'text-right tabular-nums' : ''}`} data-value={cell ?? ''}>
                  {cell === null ? none : typeof cell === 'number' ? formatNumber(cell, locale) : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
