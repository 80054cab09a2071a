import type { ReportStatus } from '@/db/schema';
import { STATUSES } from '@/lib/reports/lifecycle';

/** Column stores of reports (the map's points, the dashboard's facts) keep statuses as their index. */
export const STATUS_INDEX = new Map<ReportStatus, number>(STATUSES.map((s, i) => [s, i]));

/** Strings stored once, referenced by a small integer; 0 is "none" (the empty string). */
export class Dictionary {
  readonly values: string[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);
  id(value: string | null): number {
    if (!value) return 0;
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.index.set(value, id);
    }
    return id;
  }
  find(value: string): number | undefined {
    return this.index.get(value);
  }
}

/** Refills an empty dictionary with a snapshot's values, so that every string keeps its id. */
export function restoreDictionary(dictionary: Dictionary, values: unknown): void {
  if (!Array.isArray(values) || values[0] !== '' || dictionary.values.length !== 1) throw new Error('snapshot dictionary does not fit');
  for (const value of values.slice(1)) {
    if (typeof value !== 'string' || dictionary.id(value) !== dictionary.values.length - 1) throw new Error('snapshot dictionary does not fit');
  }
}
