import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { startLoop } from '@/lib/jobs/loop';
import type { MediaStorage } from './storage';

/**
 * A photo is written before the transaction that records it, so a committed ticket never points
 * at a missing file; its key is first committed to `media_uploads`. A process killed between
 * writing and committing leaves a file no attachment refers to (or a `.tmp` of a write cut
 * short). This sweep goes through the keys older than the grace period: a key an attachment
 * refers to is simply struck off, any other key's files are removed. Only keys this database
 * wrote are ever touched, so a photo folder shared by mistake with another database loses nothing.
 * The grace must exceed the longest time between writing a photo and committing its row.
 */
export const DEFAULT_GRACE_MS = 15 * 60_000;
const BATCH = 500;

export interface SweepResult {
  /** Keys past the grace period looked at. */
  examined: number;
  /** Keys whose files were removed. */
  removed: string[];
}

export async function sweepOrphanMedia(
  db: Db,
  storage: MediaStorage,
  options: { graceMs?: number; tmpRoot?: string } = {},
): Promise<SweepResult> {
  const graceSeconds = (options.graceMs ?? DEFAULT_GRACE_MS) / 1000;
  const result: SweepResult = { examined: 0, removed: [] };
  for (;;) {
    const due = await rowsOf<{ key: string; is_referenced: boolean }>(
      db.execute(sql`
        select u.key,
               exists (select 1 from attachments a where a.storage_key = u.key)
               or exists (select 1 from attachments a where a.thumb_key = u.key) as is_referenced
        from media_uploads u
        where u.created_at <= now() - make_interval(secs => ${graceSeconds})
        order by u.created_at limit ${BATCH}`),
    );
    for (const { key, is_referenced } of due) {
      if (is_referenced) continue;
      await storage.remove(key);
      if (options.tmpRoot) await removeTempFiles(options.tmpRoot, key);
      result.removed.push(key);
    }
    if (due.length > 0) {
      await db.execute(sql`
        delete from media_uploads where key in (select json_array_elements_text(${JSON.stringify(due.map((d) => d.key))}::json))`);
    }
    result.examined += due.length;
    if (due.length < BATCH) return result;
  }
}

/** A write cut short leaves `<key>.<pid>.tmp` beside the key (see createDiskStorage). */
async function removeTempFiles(root: string, key: string) {
  const folder = join(root, dirname(key));
  const prefix = `${basename(key)}.`;
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith('.tmp'))
      await rm(join(folder, name), { force: true });
  }
}

/** Sweeps at start and then every interval, in the web process or `npm run worker`. */
export function startOrphanSweeper(
  db: Db,
  storage: MediaStorage,
  options: {
    intervalMs: number;
    graceMs?: number;
    tmpRoot?: string;
    onRun?: (result: SweepResult, isFirst: boolean) => void;
    onError: (error: unknown) => void;
  },
): () => Promise<void> {
  let isFirst = true;
  return startLoop(
    async () => {
      const result = await sweepOrphanMedia(db, storage, options);
      options.onRun?.(result, isFirst);
      isFirst = false;
      return false;
    },
    { intervalMs: options.intervalMs, onError: options.onError },
  );
}

/** Sweeper settings from the environment: ADUAN_MEDIA_SWEEP_GRACE_SECONDS, ADUAN_MEDIA_SWEEP_INTERVAL_MS. */
export function sweeperSettings(env: Record<string, string | undefined> = process.env) {
  const grace = Number(env.ADUAN_MEDIA_SWEEP_GRACE_SECONDS);
  const interval = Number(env.ADUAN_MEDIA_SWEEP_INTERVAL_MS);
  return {
    graceMs:
      env.ADUAN_MEDIA_SWEEP_GRACE_SECONDS && Number.isFinite(grace) && grace >= 0
        ? grace * 1000
        : DEFAULT_GRACE_MS,
    intervalMs: Number.isFinite(interval) && interval > 0 ? interval : 60_000,
  };
}
