'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { ReportStatus } from '@/db/schema';
import { formatDuration } from '@/lib/format';
import { slaClock } from '@/lib/sla/clock';

interface Props {
  status: ReportStatus;
  createdAt: string;
  dueAt: string | null;
  finishedAt: string | null;
  estimatedCompletionAt: string | null;
  locale: 'id' | 'en';
  /** When the page was rendered: the clock starts from there and keeps time in the browser. */
  renderedAt: string;
}

const asDate = (s: string | null) => (s ? new Date(s) : null);

/**
 * How long a ticket has waited and whether it is within its deadline. The page around it may be
 * served from a cache, so the browser brings the clock up to date and keeps it ticking.
 */
export function SlaClock({ status, createdAt, dueAt, finishedAt, estimatedCompletionAt, locale, renderedAt }: Props) {
  const t = useTranslations('report');
  const [now, setNow] = useState(() => new Date(renderedAt));
  useEffect(() => {
    const tick = () => setNow(new Date());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 60_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  const clock = slaClock(
    { status, createdAt: new Date(createdAt), dueAt: asDate(dueAt), finishedAt: asDate(finishedAt), estimatedCompletionAt: asDate(estimatedCompletionAt) },
    now,
  );
  const key = `sla${clock.state[0].toUpperCase()}${clock.state.slice(1)}` as 'slaTerlambat';
  return (
    <dd className={clock.state.endsWith('terlambat') ? 'font-semibold text-red-700' : ''} data-testid="sla-clock">
      {formatDuration(clock.elapsedMs, locale)} — {t(key)}
    </dd>
  );
}
