'use client';

import Link from 'next/link';
import type { ReportStatus } from '@/db/schema';
import { STATUS_STYLE } from '@/lib/reports/status';

/** One row of the public list, every text already formatted on the server. */
export interface ReportListItem {
  number: string;
  status: ReportStatus;
  statusLabel: string;
  category: string;
  /** null for a private report: its content is not shown. */
  description: string | null;
  place: string;
  filedAt: string;
}

/**
 * The rows of the public list. A client component only so that the page carries the rows' data
 * once, next to their HTML, rather than their whole markup a second time for React.
 */
export function ReportListView({ items, privateLabel }: { items: ReportListItem[]; privateLabel: string }) {
  return (
    <ul className="divide-y rounded-lg border bg-white" data-testid="report-list">
      {items.map((r) => (
        <li key={r.number}>
          <Link href={`/laporan/${r.number}`} className="list-row">
            <span className="list-row-head">
              <span className="list-row-number" data-testid="report-number">
                {r.number}
              </span>
              <span className={`status-badge ${STATUS_STYLE[r.status].badge}`} style={{ '--dot': STATUS_STYLE[r.status].color } as React.CSSProperties}>
                {r.statusLabel}
              </span>
              <span className="text-sm text-gray-700">{r.category}</span>
            </span>
            <span className="list-row-text">{r.description ?? <em className="text-gray-700">{privateLabel}</em>}</span>
            <span className="list-row-meta">
              {r.place} · {r.filedAt}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
