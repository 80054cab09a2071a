import 'server-only';
import { revalidatePath } from 'next/cache';
import { getDatabase } from '@/db/client';
import { LOCALES } from '@/i18n/locales';
import { catchUpMapIndex } from '@/lib/map/server-index';
import { logError } from '@/lib/security/log-error';
import { catchUpFigures } from '@/lib/stats/server';
import { coalesce, forwardToSelf } from './listener';
import { publishEverythingChanged, publishReportChanges, type ChangeSignal } from './signal';

/**
 * Drops the cached public page of a ticket in every language, and the cached region pages that
 * list it, so that the next visitor of either sees the change and public pages never disagree.
 */
export function refreshReportPage(number: string): void {
  for (const locale of LOCALES) revalidatePath(`/${locale}/laporan/${number}`);
  revalidatePath('/[locale]/wilayah/[kode]', 'page');
}

/** Only the ticket's page changed (e.g. a citizen supported it): here at once, elsewhere by the signal. */
export function reportPageChanged(number: string): void {
  refreshReportPage(number);
  refreshAgainSoon(number);
  announce([number]);
}

/**
 * After a report was filed or changed in this process: its page, the map and the figures show it
 * at once here, and every other instance is told through PostgreSQL (lib/cache/signal.ts).
 */
export function reportChanged(number: string): void {
  refreshReportPage(number);
  refreshAgainSoon(number);
  catchUpSoon();
  announce([number]);
}

/**
 * A render already under way when the change was made (a link's prefetch, another visitor) reads
 * the ticket as it was and may store its page after the drop above: that copy would then be
 * served as fresh for up to an hour. The pages are dropped once more a moment later, through this
 * instance's own change route (Next's page cache is only revalidated from inside a request), the
 * tickets changed within that moment together.
 */
const SECOND_DROP_MS = 3000;
const secondDrop = globalThis as unknown as { aduanSecondDrop?: (signal: ChangeSignal) => Promise<void> };
function refreshAgainSoon(number: string): void {
  // only a running server has a page cache and a change route (not a script or a test)
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const onError = (error: unknown) => logError('[segarkan] second drop failed:', error);
  secondDrop.aduanSecondDrop ??= coalesce((signal) => forwardToSelf(signal), onError, SECOND_DROP_MS);
  secondDrop.aduanSecondDrop({ from: null, numbers: [number] }).catch(onError);
}

/**
 * Reads changes into the map and figures now, not on the next visitor's request, but at most once
 * per CATCH_UP_MS: in a burst of a hundred reports a second, each catch-up reads the last thousand
 * changes again (lib/cache/change-feed.ts), so one per report would keep the processor busy.
 */
const CATCH_UP_MS = 200;
const catchUp = globalThis as unknown as { aduanCatchUpTimer?: ReturnType<typeof setTimeout> };
function catchUpSoon(): void {
  catchUp.aduanCatchUpTimer ??= setTimeout(() => {
    catchUp.aduanCatchUpTimer = undefined;
    Promise.all([catchUpMapIndex(), catchUpFigures()]).catch((error) => logError('[indeks]', error));
  }, CATCH_UP_MS);
}

/**
 * Tells the other instances (PGlite is one process: nobody else to tell). The numbers announced
 * within ANNOUNCE_MS go in one signal: a burst of filings costs one NOTIFY (one round trip here,
 * one page refresh there) per 50 ms instead of one per report.
 */
export function announce(numbers: string[]): void {
  const database = getDatabase();
  if (database.kind !== 'postgres') return;
  const batch = (pending.aduanAnnounce ??= { numbers: new Set<string>(), timer: undefined });
  for (const number of numbers) batch.numbers.add(number);
  batch.timer ??= setTimeout(() => {
    const all = [...batch.numbers];
    batch.numbers.clear();
    batch.timer = undefined;
    // past the signal's limit publishReportChanges says "everything changed", the safe side
    publishReportChanges(database.db, all).catch((error) => logError('[segarkan] signal not sent:', error));
  }, ANNOUNCE_MS);
}
const ANNOUNCE_MS = 50;
const pending = globalThis as unknown as { aduanAnnounce?: { numbers: Set<string>; timer: ReturnType<typeof setTimeout> | undefined } };

/**
 * A change made by another process: drop the ticket pages it names (or all of them) and bring
 * the map and the figures up to date before answering, so the next reader sees it.
 */
export async function applyReportChanges(signal: ChangeSignal): Promise<void> {
  if (signal.numbers) for (const number of signal.numbers) refreshReportPage(number);
  else revalidatePath('/', 'layout');
  await Promise.all([catchUpMapIndex(), catchUpFigures()]);
}

/**
 * A change that may touch any public page at once (a category made confidential hides all its
 * reports): every cached page, the map and the figures, here and on every other instance.
 */
export async function everyReportChanged(): Promise<void> {
  revalidatePath('/', 'layout');
  await Promise.all([catchUpMapIndex(), catchUpFigures()]);
  const database = getDatabase();
  if (database.kind === 'postgres') await publishEverythingChanged(database.db);
}
