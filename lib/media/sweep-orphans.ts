import { readdir, rm, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';
import { rowsOf } from '@/db/bulk';
import { startLoop } from '@/lib/jobs/loop';
import { wibDay } from '@/lib/reports/ticket-number';

/**
 * A photo is written to disk before the transaction that records it, so a committed ticket never
 * points at a missing file. A process killed between the two leaves a file no row refers to (or a
 * `.tmp` file of a write cut short). This sweep removes such files once they are older than the
 * grace period, which must exceed the longest time between writing a photo and committing its row
 * on any instance sharing the directory.
 */
export const DEFAULT_GRACE_MS = 15 * 60_000;

export interface SweepOptions {
  now: Date;
  graceMs?: number;
  /** Only these day folders (`YYYY/MM/DD`); all of the directory when absent. */
  days?: string[];
}

export interface SweepResult {
  examined: number;
  removed: string[];
}

const BATCH = 500;

export async function sweepOrphanMedia(
  db: Db,
  root: string,
  options: SweepOptions,
): Promise<SweepResult> {
  const cutoff = options.now.getTime() - (options.graceMs ?? DEFAULT_GRACE_MS);
  const folders = options.days ? options.days.map((d) => join(root, d)) : [root];
  const candidates: string[] = [];
  let examined = 0;
  for (const folder of folders) {
    for (const path of await listFiles(folder)) {
      examined++;
      const info = await stat(path).catch(() => null);
      if (info && info.mtimeMs < cutoff) candidates.push(relative(root, path).split(sep).join('/'));
    }
  }
  const removed: string[] = [];
  for (let i = 0; i < candidates.length; i += BATCH) {
    const keys = candidates.slice(i, i + BATCH);
    const unreferenced = await rowsOf<{ key: string }>(
      db.execute(sql`
        select k.key from json_array_elements_text(${JSON.stringify(keys)}::json) as k(key)
        where not exists (select 1 from attachments a where a.storage_key = k.key)
          and not exists (select 1 from attachments a where a.thumb_key = k.key)`),
    );
    for (const { key } of unreferenced) {
      await rm(join(root, key), { force: true });
      removed.push(key);
    }
  }
  return { examined, removed };
}

/** The day folders a photo written now or in the last day can be in (photos are foldered by WIB day). */
export function recentDayFolders(now: Date): string[] {
  return [
    ...new Set(
      [now, new Date(now.getTime() - 86_400_000)].map((d) => wibDay(d).replaceAll('-', '/')),
    ),
  ];
}

/**
 * Sweeps the whole directory once (photos orphaned by a crash days ago included), then every
 * interval only the recent day folders, where new orphans can appear.
 */
export function startOrphanSweeper(
  db: Db,
  root: string,
  options: {
    intervalMs: number;
    graceMs?: number;
    onRun?: (result: SweepResult, isFull: boolean) => void;
    onError: (error: unknown) => void;
  },
): () => Promise<void> {
  let hasSweptAll = false;
  return startLoop(
    async () => {
      const now = new Date();
      const result = await sweepOrphanMedia(db, root, {
        now,
        graceMs: options.graceMs,
        days: hasSweptAll ? recentDayFolders(now) : undefined,
      });
      options.onRun?.(result, !hasSweptAll);
      hasSweptAll = true;
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
      Number.isFinite(grace) && env.ADUAN_MEDIA_SWEEP_GRACE_SECONDS !== '' && grace >= 0
        ? grace * 1000
        : DEFAULT_GRACE_MS,
    intervalMs: Number.isFinite(interval) && interval > 0 ? interval : 3_600_000,
  };
}

async function listFiles(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
