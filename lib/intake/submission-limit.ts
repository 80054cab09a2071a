import { createHmac } from 'node:crypto';
import type { Db } from '@/db/connect';
import { releaseRateLimits, reserveRateLimits, type RateLimitCheck } from '@/lib/security/rate-limit';
import { serverSecret } from '@/lib/security/secret';

/*
 * How many reports (and "dukung") one citizen may file, counted only when accepted.
 *
 * Indonesian carriers put thousands of phones behind one address (CGNAT), so the address alone
 * cannot tell one citizen from another. Three counters, each per window:
 *  - perangkat (device): a random value in an httpOnly cookie, one per browser (the tight limit);
 *  - kontak (contact): the reporter's phone number and e-mail when given, however often the
 *    cookie is thrown away;
 *  - jaringan (network): the client address, with a ceiling high enough for a carrier's shared
 *    address, that still stops a script that drops its cookie on every request.
 */

export interface CitizenLimits {
  /** accepted reports per browser */
  reportsPerBrowser: number;
  /** accepted reports per phone number or e-mail address */
  reportsPerContact: number;
  /** accepted reports per client address; "dukung" has its own counter with the same ceiling */
  perAddress: number;
  /** accepted "dukung" per browser */
  supportsPerBrowser: number;
  /** accepted requests to follow an area, a point or a ticket per browser (each sends a confirmation e-mail) */
  followsPerBrowser: number;
  /** accepted survey (SKM) answers per browser */
  surveysPerBrowser: number;
  windowSeconds: number;
}

export type LimitKind = 'perangkat' | 'kontak' | 'jaringan';

export interface Submitter {
  /** the browser's token (see lib/server/browser-token) */
  browser: string;
  address: string;
  /** the reporter's phone and e-mail as given (normalised here); empty when anonymous */
  contacts: (string | null | undefined)[];
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n >= 1 ? Math.floor(n) : fallback;
}

export function citizenLimits(env: Record<string, string | undefined> = process.env): CitizenLimits {
  return {
    reportsPerBrowser: positive(env.ADUAN_RATE_LIMIT_REPORTS, 10),
    reportsPerContact: positive(env.ADUAN_RATE_LIMIT_REPORTS_PER_CONTACT, 10),
    perAddress: positive(env.ADUAN_RATE_LIMIT_PER_ADDRESS, 200),
    supportsPerBrowser: positive(env.ADUAN_RATE_LIMIT_SUPPORTS, 30),
    followsPerBrowser: positive(env.ADUAN_RATE_LIMIT_FOLLOWS, 10),
    surveysPerBrowser: positive(env.ADUAN_RATE_LIMIT_SURVEYS, 10),
    windowSeconds: positive(env.ADUAN_RATE_LIMIT_WINDOW_SECONDS, 3600),
  };
}

/** One phone number or e-mail address however it was typed: 0812…, 62812… and +62812… are one. */
export function contactIdentity(contact: string | null | undefined): string | null {
  const value = (contact ?? '').trim().toLowerCase();
  if (!value) return null;
  if (value.includes('@')) return value;
  const digits = value.replace(/[^\d+]/g, '').replace(/^\+?62/, '0');
  return digits.length >= 8 ? digits : null;
}

/** Counter keys hold a keyed hash, never an address, a cookie or a contact. */
export function limitDigest(kind: LimitKind, value: string, secret = serverSecret()): string {
  return createHmac('sha256', secret).update(`batas:${kind}:${value}`).digest('base64url').slice(0, 22);
}

type Digest = (kind: LimitKind, value: string) => string;

function checks(action: string, entries: [LimitKind, string | null, number][], digest: Digest): RateLimitCheck[] {
  return entries
    .filter((e): e is [LimitKind, string, number] => Boolean(e[1]))
    .map(([kind, value, limit]) => ({ name: kind, key: `${action}:${kind}:${digest(kind, value)}`, limit }));
}

/** The counters a report must fit under, the device's first (its refusal is the one most people meet). */
export function reportChecks(limits: CitizenLimits, who: Submitter, digest: Digest = limitDigest): RateLimitCheck[] {
  const contacts = [...new Set(who.contacts.map(contactIdentity).filter((c): c is string => c !== null))];
  return checks(
    'lapor',
    [['perangkat', who.browser, limits.reportsPerBrowser], ...contacts.map((c): [LimitKind, string, number] => ['kontak', c, limits.reportsPerContact]), ['jaringan', who.address, limits.perAddress]],
    digest,
  );
}

/** "Dukung" adds no ticket: per device and a per-address ceiling are enough. */
export function supportChecks(limits: CitizenLimits, who: Submitter, digest: Digest = limitDigest): RateLimitCheck[] {
  return checks('dukung', [['perangkat', who.browser, limits.supportsPerBrowser], ['jaringan', who.address, limits.perAddress]], digest);
}

/**
 * Following (`ikuti`) and the survey (`skm`) add no ticket either: per device, under the same
 * per-address ceiling, each with counters of its own.
 */
export function visitorChecks(action: 'ikuti' | 'skm', limits: CitizenLimits, who: Omit<Submitter, 'contacts'>, digest: Digest = limitDigest): RateLimitCheck[] {
  const perBrowser = action === 'ikuti' ? limits.followsPerBrowser : limits.surveysPerBrowser;
  return checks(action, [['perangkat', who.browser, perBrowser], ['jaringan', who.address, limits.perAddress]], digest);
}

/** Whole minutes until the window ends, at least one: "coba lagi dalam 1 menit", never "0 menit". */
export function retryAfterMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

function period(windowSeconds: number): { id: string; en: string } {
  if (windowSeconds === 3600) return { id: 'per jam', en: 'per hour' };
  if (windowSeconds % 3600 === 0) return { id: `per ${windowSeconds / 3600} jam`, en: `per ${windowSeconds / 3600} hours` };
  const m = retryAfterMinutes(windowSeconds);
  return { id: `per ${m} menit`, en: `per ${m} minutes` };
}

export interface LimitRefusal {
  refusedBy: LimitKind;
  limit: number;
  retryAfterMinutes: number;
}

/** What the citizen reads: which limit, and in how many minutes to try again. */
export function limitMessage(action: 'lapor' | 'dukung', refusal: LimitRefusal, windowSeconds: number): { id: string; en: string } {
  const { limit, retryAfterMinutes: m } = refusal;
  const p = period(windowSeconds);
  const again = { id: `Coba lagi dalam ${m} menit.`, en: `Try again in ${m} minute${m === 1 ? '' : 's'}.` };
  if (refusal.refusedBy === 'jaringan') {
    return {
      id: `Terlalu banyak ${action === 'lapor' ? 'laporan' : 'dukungan'} dari jaringan Anda saat ini. ${again.id}`,
      en: `Too many ${action === 'lapor' ? 'reports' : 'supports'} from your network right now. ${again.en}`,
    };
  }
  if (action === 'dukung') {
    return { id: `Batas ${limit} dukungan ${p.id} dari perangkat ini tercapai. ${again.id}`, en: `The limit of ${limit} supports ${p.en} from this device is reached. ${again.en}` };
  }
  if (refusal.refusedBy === 'kontak') {
    return {
      id: `Batas ${limit} laporan ${p.id} dengan nomor HP atau surel ini tercapai. ${again.id}`,
      en: `The limit of ${limit} reports ${p.en} with this phone number or e-mail is reached. ${again.en}`,
    };
  }
  return { id: `Batas ${limit} laporan ${p.id} dari perangkat ini tercapai. ${again.id}`, en: `The limit of ${limit} reports ${p.en} from this device is reached. ${again.en}` };
}

export type Limited<T> = { refused: LimitRefusal } | { refused: null; result: T };

/**
 * Runs `work` within the limits and keeps its unit only when `isAccepted` says so: a refused,
 * failed or repeated submission (the same form token) costs nothing.
 */
export async function runLimited<T>(
  db: Db,
  limits: RateLimitCheck[],
  windowSeconds: number,
  now: Date,
  work: () => Promise<T>,
  isAccepted: (result: T) => boolean,
): Promise<Limited<T>> {
  const reserved = await reserveRateLimits(db, limits, windowSeconds, now);
  if (!reserved.allowed) {
    return { refused: { refusedBy: reserved.refusedBy as LimitKind, limit: reserved.limit, retryAfterMinutes: retryAfterMinutes(reserved.retryAfterSeconds) } };
  }
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await releaseRateLimits(db, reserved.reservation).catch(() => {});
    throw error;
  }
  if (!isAccepted(result)) await releaseRateLimits(db, reserved.reservation);
  return { refused: null, result };
}
