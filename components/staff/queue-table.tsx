'use client';

import Link from 'next/link';
import type { ReportStatus } from '@/db/schema';
import { STATUS_STYLE } from '@/lib/reports/status';

/** A ticket of the staff queue, every text already formatted (and checked for access) on the server. */
export interface QueueRow {
  number: string;
  status: ReportStatus;
  statusLabel: string;
  /** Notes under the status: an instruction, a rejected follow-up, a reopening, flagged proof. */
  marks: { testId: string; text: string; isUrgent: boolean }[];
  category: string;
  kelurahan: string;
  holder: string;
  elapsed: string;
  isOverdue: boolean;
  escalatedTo: string | null;
  filedAt: string;
  isInstructedToMe: boolean;
}

export interface QueueLabels {
  number: string;
  status: string;
  category: string;
  kelurahan: string;
  holder: string;
  time: string;
  late: string;
}

/**
 * The queue's 50 rows. A client component only so that the page carries the rows' data once, next
 * to their HTML, rather than their whole markup a second time for React: the page stays small.
 */
export function QueueTable({ rows, labels }: { rows: QueueRow[]; labels: QueueLabels }) {
  return (
    <table
      className="stack-table"
      data-testid="queue"
      data-labels=""
      style={
        {
          '--label-2': JSON.stringify(labels.status),
          '--label-3': JSON.stringify(labels.category),
          '--label-4': JSON.stringify(labels.kelurahan),
          '--label-5': JSON.stringify(labels.holder),
          '--label-6': JSON.stringify(labels.time),
        } as React.CSSProperties
      }
    >
      <thead className="stack-head">
        <tr>
          <th className="px-3 py-2">{labels.number}</th>
          <th className="px-3 py-2">{labels.status}</th>
          <th className="px-3 py-2">{labels.category}</th>
          <th className="px-3 py-2">{labels.kelurahan}</th>
          <th className="px-3 py-2">{labels.holder}</th>
          <th className="px-3 py-2">{labels.time}</th>
        </tr>
      </thead>
      <tbody className="stack-body">
        {rows.map((r) => (
          <tr key={r.number} className={`stack-row ${r.isInstructedToMe ? 'bg-amber-50' : ''}`} data-testid="queue-row">
            <td className="stack-first font-mono">
              <Link href={`/petugas/laporan/${r.number}`} className="underline">
                {r.number}
              </Link>
            </td>
            <td className="stack-cell">
              <span>
                <span className={`status-badge ${STATUS_STYLE[r.status].badge}`} style={{ '--dot': STATUS_STYLE[r.status].color } as React.CSSProperties}>
                  {r.statusLabel}
                </span>
                {r.marks.map((m) => (
                  <span key={m.testId} className={`queue-mark ${m.isUrgent ? 'text-red-700' : 'text-amber-900'}`} data-testid={m.testId}>
                    {m.text}
                  </span>
                ))}
              </span>
            </td>
            <td className="stack-cell">{r.category}</td>
            <td className="stack-cell">
              {r.kelurahan}
            </td>
            <td className="stack-cell">
              {r.holder}
            </td>
            <td className={`stack-cell ${r.isOverdue ? 'font-semibold text-red-700' : ''}`}>
              <span>
                {r.elapsed}
                {r.isOverdue ? ` · ${labels.late}` : ''}
                {r.escalatedTo ? (
                  <span className="block text-xs" data-testid="escalated">
                    {r.escalatedTo}
                  </span>
                ) : null}
                <span className="block text-xs text-gray-700">{r.filedAt}</span>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
