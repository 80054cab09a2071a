'use client';

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

interface Props {
  data: Record<string, string | number | null>[];
  /** The key of each row's label. */
  labelKey: string;
  series: ChartSeries[];
  /** Horizontal bars (long labels such as categories) or columns (periods). */
  horizontal?: boolean;
  /** The chart as one sentence, for people who cannot see it. */
  summary: string;
}

/** A bar chart of a table's numbers; the table itself and a summary sentence sit next to it. */
export function StatChart({ data, labelKey, series, horizontal = false, summary }: Props) {
  const height = horizontal ? Math.max(160, 40 + data.length * (24 + 8 * series.length)) : 280;
  return (
    <div role="img" aria-label={summary} className="w-full" data-testid="stat-chart">
      <BarChart
        responsive
        data={data}
        layout={horizontal ? 'vertical' : 'horizontal'}
        style={{ width: '100%', height }}
        margin={{ top: 8, right: 16, bottom: 8, left: horizontal ? 8 : 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" />
        {horizontal ? (
          <>
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey={labelKey} width={190} tick={{ fontSize: 12 }} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey={labelKey} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} width={56} />
          </>
        )}
        <Tooltip />
        {series.length > 1 ? <Legend /> : null}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
