import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/connect';

/**
 * The PostgreSQL channel on which every process announces changed reports, so that each app
 * instance drops its cached ticket pages, map points and dashboard figures. NOTIFY is sent on
 * commit, so a listener that hears it can read the change on the primary.
 */
export const CHANGE_CHANNEL = 'aduan_laporan_berubah';

/**
 * This process, so an instance can skip the signals it sent itself (it invalidated locally). Kept
 * on globalThis: the server's instrumentation and its routes are separate bundles of one process.
 */
const shared = globalThis as unknown as { aduanInstanceId?: string };
export const INSTANCE_ID = (shared.aduanInstanceId ??= randomUUID());

/** NOTIFY payloads must stay under 8,000 bytes; past this many numbers, say "everything". */
const MAX_NUMBERS = 200;

export interface ChangeSignal {
  /** The sending process, or null for a worker whose changes every instance must apply. */
  from: string | null;
  /** The changed tickets, or null when too many changed to list (drop every ticket page). */
  numbers: string[] | null;
}

export function encodeSignal(signal: ChangeSignal): string {
  const numbers = signal.numbers && signal.numbers.length <= MAX_NUMBERS ? [...new Set(signal.numbers)] : null;
  return JSON.stringify({ f: signal.from, n: numbers });
}

/** Reads a payload; anything malformed is taken as "everything changed", the safe side. */
export function decodeSignal(payload: string): ChangeSignal {
  try {
    const raw = JSON.parse(payload) as { f?: unknown; n?: unknown };
    const from = typeof raw.f === 'string' ? raw.f : null;
    const isList = Array.isArray(raw.n) && raw.n.every((n) => typeof n === 'string' && /^[A-Z0-9-]{4,40}$/.test(n));
    return { from, numbers: isList ? (raw.n as string[]) : null };
  } catch {
    return { from: null, numbers: null };
  }
}

/**
 * Announces changed reports to every instance. Inside a transaction the signal is sent only if
 * it commits. `from` is this process when it has already invalidated its own caches.
 */
export async function publishReportChanges(db: Db, numbers: string[], from: string | null = INSTANCE_ID): Promise<void> {
  if (numbers.length === 0) return;
  await db.execute(sql`select pg_notify(${CHANGE_CHANNEL}, ${encodeSignal({ from, numbers })})`);
}

/** Announces that any report may have changed (e.g. a whole category became confidential). */
export async function publishEverythingChanged(db: Db, from: string | null = INSTANCE_ID): Promise<void> {
  await db.execute(sql`select pg_notify(${CHANGE_CHANNEL}, ${encodeSignal({ from, numbers: null })})`);
}
