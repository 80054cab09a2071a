import 'server-only';
import { getDb } from '@/db/client';
import type { Db } from '@/db/connect';

/** How often in-memory indexes ask the database what changed (a change made in this process is seen at once). */
export const REFRESH_MS = Number(process.env.ADUAN_MAP_REFRESH_SECONDS ?? 10) * 1000;
/** Rows read per query, so that the first load of millions of reports never holds them all as objects. */
const CHUNK = 50_000;
/**
 * Change numbers are taken when a transaction writes, but become visible when it commits: re-reading
 * a little behind the highest number seen catches a slower transaction that committed after a faster one.
 */
const OVERLAP = 1_000;

export type LoadChanges<Row> = (db: Db, afterSeq: number, limit: number) => Promise<{ rows: Row[]; lastSeq: number }>;
/** Fills the index from a snapshot and returns the change number it is current to, or null when there is none. */
export type RestoreSnapshot = (db: Db) => Promise<number | null>;

/**
 * Keeps an in-memory index current from `reports.change_seq`: the first read loads a snapshot and
 * the changes since (or everything, when there is none); later reads (at most every REFRESH_MS)
 * apply only what changed since.
 */
export class ChangeFollower<Row> {
  private lastSeq = 0;
  private refreshedAt = 0;
  private refreshing?: Promise<void>;

  constructor(
    private readonly load: LoadChanges<Row>,
    private readonly apply: (rows: Row[]) => void,
    private readonly restore?: RestoreSnapshot,
  ) {}

  /** The change number the index holds every change up to (0 before the first load). */
  get seq(): number {
    return this.lastSeq;
  }

  private async readChanges(): Promise<void> {
    const db = getDb();
    if (this.refreshedAt === 0 && this.lastSeq === 0 && this.restore) {
      // at 2 M reports a snapshot and the changes since take a few seconds; every report, over half a minute
      try {
        this.lastSeq = (await this.restore(db)) ?? 0;
      } catch (error) {
        console.error('[indeks] snapshot unusable, loading every report', error);
      }
    }
    let after = Math.max(0, this.lastSeq - OVERLAP);
    for (;;) {
      const { rows, lastSeq } = await this.load(db, after, CHUNK);
      this.apply(rows);
      after = lastSeq;
      if (rows.length < CHUNK) break;
    }
    this.lastSeq = Math.max(this.lastSeq, after);
    this.refreshedAt = Date.now();
  }

  /** Brings the index up to date when it is older than the refresh interval. */
  async fresh(): Promise<void> {
    const due = Date.now() - this.refreshedAt >= REFRESH_MS;
    if (due && !this.refreshing) {
      this.refreshing = this.readChanges().finally(() => {
        this.refreshing = undefined;
      });
    }
    // The first load is awaited; after that, requests are answered from the current index while a refresh runs.
    if (this.refreshedAt === 0) await this.refreshing;
  }

  /** Makes the next read fetch the changes (after a report changes in this process). */
  invalidate(): void {
    this.refreshedAt = Math.min(this.refreshedAt, 1);
  }

  /**
   * Reads every change committed before this call and resolves when the index holds them (after a
   * signal that another process changed a report). A refresh already running may have started
   * before that commit, so it is waited for and followed by a new one.
   */
  async catchUp(): Promise<void> {
    await this.refreshing?.catch(() => {});
    this.invalidate();
    await this.fresh();
    await this.refreshing;
  }
}
