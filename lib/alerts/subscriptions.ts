import { createHmac, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, gte, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/connect';
import { enqueueNotification } from '@/db/queries/outbox';
import { alertSubscriptions, categories, regions } from '@/db/schema';
import { publicDistanceM } from '@/db/queries/public';
import { publicReportEvents as reportEvents, publicReports as reports } from '@/db/queries/public/views';
import { eventLabel } from '@/lib/i18n';
import { startLoop } from '@/lib/jobs/loop';
import { regionLevelOf } from '@/lib/reports/filters';
import { wibDay } from '@/lib/reports/ticket-number';
import { serverSecret } from '@/lib/security/secret';
import { withoutNul } from '@/lib/intake/clean-text';

/**
 * E-mail alerts for an area (a kota, kecamatan or kelurahan, optionally some categories), a
 * point with a radius, or one ticket. Double opt-in; every message can stop the subscription
 * in one click; alerts never carry reporter identity or confidential tickets.
 */

export class AlertError extends Error {
  constructor(public readonly code: keyof typeof ALERT_MESSAGE) {
    super(code);
  }
}

export const ALERT_MESSAGE = {
  tidak_valid: { id: 'Isian tidak valid: masukkan surel dan pilih wilayah, titik atau nomor laporan.', en: 'Invalid: give an e-mail address and choose an area, a point or a ticket.' },
  wilayah_tidak_ada: { id: 'Wilayah tidak ditemukan.', en: 'Area not found.' },
  laporan_tidak_ada: { id: 'Laporan tidak ditemukan.', en: 'Report not found.' },
  terlalu_banyak: { id: 'Alamat ini sudah mengikuti 20 hal; hentikan salah satu dulu.', en: 'This address already follows 20 things; stop one first.' },
  terlalu_sering: { id: 'Terlalu banyak permintaan konfirmasi untuk alamat ini; coba lagi dalam satu jam.', en: 'Too many confirmation requests for this address; try again in an hour.' },
  kunci_salah: { id: 'Tautan tidak valid atau sudah tidak berlaku.', en: 'The link is invalid or no longer valid.' },
} as const;

export const MAX_SUBSCRIPTIONS = 20;
const MAX_CONFIRMATIONS_PER_HOUR = 3;
/** Daily digests go out from this WIB hour. */
const DIGEST_HOUR_WIB = 7;
const MAX_ITEMS = 50;

export const subscribeSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email()),
    regionCode: z.string().regex(/^31\.\d{2}(\.\d{2}(\.\d{4})?)?$/).nullable(),
    categories: z.array(z.string().regex(/^[a-z0-9-]{1,40}$/)).max(10),
    lat: z.number().min(-90).max(90).nullable(),
    lng: z.number().min(-180).max(180).nullable(),
    radiusM: z.number().int().min(100).max(5000).nullable(),
    reportNumber: z.string().regex(/^JK\d{10}$/).nullable(),
    frequency: z.enum(['segera', 'harian']),
  })
  .refine((s) => [s.regionCode !== null, s.lat !== null && s.lng !== null && s.radiusM !== null, s.reportNumber !== null].filter(Boolean).length === 1);
export type SubscribeInput = z.infer<typeof subscribeSchema>;

/** The secret in an address's "manage my alerts" link. */
export function manageKey(email: string): string {
  return createHmac('sha256', serverSecret()).update(`ikuti:${email.toLowerCase()}`).digest('base64url').slice(0, 32);
}

const links = (site: string, email: string, token: string) => ({
  confirm: `${site}/ikuti/konfirmasi?kunci=${token}`,
  stop: `${site}/ikuti/berhenti?kunci=${token}`,
  /** RFC 8058: mail clients POST here for one click; a browser opening it is sent to the page. */
  oneClick: `${site}/api/ikuti/berhenti?kunci=${token}`,
  manage: `${site}/ikuti/kelola?surel=${encodeURIComponent(email)}&kunci=${manageKey(email)}`,
});

/** Records an unconfirmed subscription and sends the confirmation link; nothing else is sent before it is used. */
export async function subscribe(db: Db, input: SubscribeInput, deps: { now: Date; site: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [{ active, recent }] = await tx
      .select({
        active: sql<number>`(count(*) filter (where ${alertSubscriptions.unsubscribedAt} is null))::int`,
        recent: sql<number>`(count(*) filter (where ${alertSubscriptions.createdAt} > ${new Date(deps.now.getTime() - 3_600_000).toISOString()}::timestamptz))::int`,
      })
      .from(alertSubscriptions)
      .where(eq(alertSubscriptions.email, input.email));
    if (active >= MAX_SUBSCRIPTIONS) throw new AlertError('terlalu_banyak');
    if (recent >= MAX_CONFIRMATIONS_PER_HOUR) throw new AlertError('terlalu_sering');
    let reportId: number | null = null;
    let what: string;
    if (input.reportNumber) {
      const [r] = await tx.select({ id: reports.id }).from(reports).where(eq(reports.number, input.reportNumber));
      if (!r) throw new AlertError('laporan_tidak_ada');
      reportId = r.id;
      what = `perubahan laporan ${input.reportNumber}`;
    } else if (input.regionCode) {
      const [region] = await tx.select({ name: regions.name }).from(regions).where(eq(regions.code, input.regionCode));
      if (!region) throw new AlertError('wilayah_tidak_ada');
      what = `laporan baru di ${region.name}`;
    } else {
      what = `laporan baru dalam ${input.radiusM} m dari titik ${input.lat}, ${input.lng}`;
    }
    // announce only what comes after the subscription
    const [{ cursor }] = reportId
      ? await tx.select({ cursor: sql<number>`coalesce(max(${reportEvents.id}), 0)::float8` }).from(reportEvents).where(eq(reportEvents.reportId, reportId))
      : await tx.select({ cursor: sql<number>`coalesce(max(${reports.id}), 0)::float8` }).from(reports);
    const token = randomBytes(18).toString('base64url');
    await tx.insert(alertSubscriptions).values({
      email: input.email,
      token,
      regionCode: input.regionCode,
      categories: input.categories,
      lat: input.lat,
      lng: input.lng,
      radiusM: input.radiusM,
      reportId,
      frequency: input.frequency,
      cursor,
      createdAt: deps.now,
    });
    const l = links(deps.site, input.email, token);
    await enqueueNotification(tx, {
      kind: 'email',
      recipient: input.email,
      subject: 'Konfirmasi: ikuti laporan di Aduan Jakarta',
      body: `Anda (atau seseorang) meminta kabar tentang ${what}. Tidak ada yang dikirim sebelum Anda mengonfirmasi:\n${l.confirm}\n\nBila bukan Anda, abaikan surel ini.`,
      headers: { 'List-Unsubscribe': `<${l.oneClick}>` },
    });
  });
}

export async function confirmSubscription(db: Db, token: string, now: Date): Promise<void> {
  token = withoutNul(token);
  const [row] = await db
    .update(alertSubscriptions)
    .set({ confirmedAt: now })
    .where(and(eq(alertSubscriptions.token, token), isNull(alertSubscriptions.confirmedAt), isNull(alertSubscriptions.unsubscribedAt)))
    .returning({ id: alertSubscriptions.id });
  if (!row) {
    const [existing] = await db.select({ id: alertSubscriptions.id }).from(alertSubscriptions).where(and(eq(alertSubscriptions.token, token), isNull(alertSubscriptions.unsubscribedAt)));
    if (!existing) throw new AlertError('kunci_salah');
  }
}

export async function unsubscribe(db: Db, token: string, now: Date): Promise<void> {
  token = withoutNul(token);
  const [row] = await db
    .update(alertSubscriptions)
    .set({ unsubscribedAt: now })
    .where(and(eq(alertSubscriptions.token, token), isNull(alertSubscriptions.unsubscribedAt)))
    .returning({ id: alertSubscriptions.id });
  if (!row) throw new AlertError('kunci_salah');
}

/** An address's active subscriptions, for its "manage" page (the key proves the address). */
export async function listSubscriptions(db: Db, email: string, key: string) {
  email = withoutNul(email);
  if (key !== manageKey(email)) throw new AlertError('kunci_salah');
  return db
    .select()
    .from(alertSubscriptions)
    .where(and(eq(alertSubscriptions.email, email.toLowerCase()), isNull(alertSubscriptions.unsubscribedAt)))
    .orderBy(asc(alertSubscriptions.id));
}

/** Whether a daily digest is due: once a day, from 07:00 WIB. */
function digestDue(lastSentAt: Date | null, now: Date): boolean {
  const wibHour = (now.getUTCHours() + 7) % 24;
  if (wibHour < DIGEST_HOUR_WIB) return false;
  return !lastSentAt || wibDay(lastSentAt) !== wibDay(now) || (lastSentAt.getUTCHours() + 7) % 24 < DIGEST_HOUR_WIB;
}

/**
 * One round of alerts: for every confirmed subscription that is due (at once, or its daily
 * digest), the news since its cursor in one message through the outbox. Returns messages queued.
 */
export async function runAlertsOnce(db: Db, now: Date, site: string): Promise<number> {
  const subs = await db
    .select()
    .from(alertSubscriptions)
    .where(and(isNotNull(alertSubscriptions.confirmedAt), isNull(alertSubscriptions.unsubscribedAt)));
  let queued = 0;
  for (const sub of subs) {
    if (sub.frequency === 'harian' && !digestDue(sub.lastSentAt, now)) continue;
    const items: { id: number; line: string }[] = [];
    if (sub.reportId) {
      const events = await db
        .select({ id: reportEvents.id, type: reportEvents.type, createdAt: reportEvents.createdAt, number: reports.number })
        .from(reportEvents)
        .innerJoin(reports, eq(reports.id, reportEvents.reportId))
        .where(and(eq(reportEvents.reportId, sub.reportId), gt(reportEvents.id, sub.cursor), eq(reportEvents.isPublic, true)))
        .orderBy(asc(reportEvents.id))
        .limit(MAX_ITEMS);
      for (const e of events) items.push({ id: e.id, line: `${eventLabel(e.type, 'id')} (${wibDay(e.createdAt)}) — ${site}/laporan/${e.number}` });
    } else {
      const region = sub.regionCode
        ? sql`${sql.raw(regionLevelOf(sub.regionCode))}_code = ${sub.regionCode}`
        : sql`${reports.lat} is not null and ${publicDistanceM(sub.lat!, sub.lng!)} <= ${sub.radiusM}`;
      const rows = await db
        .select({ id: reports.id, number: reports.number, category: categories.nameId, createdAt: reports.createdAt })
        .from(reports)
        .innerJoin(categories, eq(categories.code, reports.categoryCode))
        .where(
          and(
            gt(reports.id, sub.cursor),
            gte(reports.createdAt, sub.createdAt),
            region,
            sub.categories.length ? sql`${reports.categoryCode} = any(${`{${sub.categories.join(',')}}`}::text[])` : undefined,
          ),
        )
        .orderBy(asc(reports.id))
        .limit(MAX_ITEMS);
      for (const r of rows) items.push({ id: r.id, line: `${r.number} · ${r.category} (${wibDay(r.createdAt)}) — ${site}/laporan/${r.number}` });
    }
    if (!items.length) continue;
    const l = links(site, sub.email, sub.token);
    const sent = await db.transaction(async (tx) => {
      // advance the cursor first: when another worker already sent these, nothing is queued twice
      const [claimed] = await tx
        .update(alertSubscriptions)
        .set({ cursor: items[items.length - 1].id, lastSentAt: now })
        .where(and(eq(alertSubscriptions.id, sub.id), eq(alertSubscriptions.cursor, sub.cursor)))
        .returning({ id: alertSubscriptions.id });
      if (!claimed) return false;
      await enqueueNotification(tx, {
        kind: 'email',
        recipient: sub.email,
        subject: sub.reportId ? 'Kabar laporan yang Anda ikuti' : `${items.length} laporan baru di wilayah yang Anda ikuti`,
        body: `${items.map((i) => `• ${i.line}`).join('\n')}\n\nBerhenti mengikuti: ${l.stop}\nKelola semua langganan: ${l.manage}`,
        headers: { 'List-Unsubscribe': `<${l.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
      return true;
    });
    if (sent) queued++;
  }
  return queued;
}

/** Runs alert rounds until stopped (in the web process, or `npm run worker`); safe with several workers. */
export function startAlertWorker(db: Db, options: { intervalMs: number; site: string; onError: (error: unknown) => void }) {
  return startLoop(async () => {
    await runAlertsOnce(db, new Date(), options.site);
    return false;
  }, options);
}
