import L from 'leaflet';
import type { StatusCounts } from '@/lib/map/clusters';
import { STATUS_STYLE } from '@/lib/reports/status';
import type { ReportStatus } from '@/db/schema';
import { formatCompact } from '@/lib/format';
import type { Locale } from '@/lib/i18n';

/** A round cluster badge whose ring shows the share of each status (a small donut chart). */
export function ClusterIcon(count: number, counts: StatusCounts, locale: Locale): L.DivIcon {
  const size = count < 100 ? 34 : count < 1000 ? 42 : 50;
  let angle = 0;
  const stops: string[] = [];
  for (const [status, n] of Object.entries(counts) as [ReportStatus, number][]) {
    const next = angle + (n / count) * 360;
    stops.push(`${STATUS_STYLE[status].color} ${angle.toFixed(1)}deg ${next.toFixed(1)}deg`);
    angle = next;
  }
  const label = formatCompact(count, locale);
  return L.divIcon({
    className: '',
    iconSize: [size, size],
    html: `<div class="cluster-marker" style="width:${size}px;height:${size}px;background:conic-gradient(${stops.join(',')})"><span style="background:#fff;border-radius:9999px;padding:2px 5px">${label}</span></div>`,
  });
}
