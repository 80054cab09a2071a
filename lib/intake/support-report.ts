import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/connect';
import { enqueueNotification } from '@/db/queries/outbox';
import { reportEvents, reports, reportSubscribers, reportSupports } from '@/db/schema';
import { contactKind } from '@/lib/channels/contact';
import { consumeRateLimit } from '@/lib/security/rate-limit';
import { serverSecret } from '@/lib/security/secret';
import { IntakeError } from './errors';
import { withoutNul } from './clean-text';
import { contactIdentity } from './submission-limit';

/*
 * "Dukung": a resident says the same problem affects them. Each supporter supports a ticket once
 * (report_supports is unique per report and supporter key). Without a contact the supporter is
 * the browser, and the support counts at once. With a phone number or e-mail address it counts,
 * and that contact follows the ticket, only once confirmed from the message sent to it (double
 * opt-in): nobody can sign someone else up, and a typo never receives a stranger's updates.
 */

/** Confirmation messages one contact may be sent per hour, over all tickets (as many as reports per contact). */
export const CONFIRMATIONS_PER_HOUR = 10;

export type SupportOutcome = { kind: 'dihitung'; supportCount: number } | { kind: 'menunggu_konfirmasi' };

export interface SupportInput {
  number: string;
  /** A phone number or e-mail address, as typed; empty or null for none. */
  contact: string | null;
  /** The browser's random cookie (lib/server/browser-token.ts). */
  browser: string;
}

/** A contact normalised (e-mail in lower case, phone as 08…), or null when it is neither. */
export function normalizedContact(contact: string): string | null {
  const identity = contactIdentity(contact);
  if (!identity) return null;
  if (identity.includes('@')) return z.email().safeParse(identity).success ? identity : null;
  return /^08\d{7,12}$/.test(identity) ? identity : null;
}

/** Who supports: a keyed hash of the normalised contact, or of the browser cookie without one. */
export function supporterKey(input: { contact: string | null; browser: string }, secret = serverSecret()): string {
  const [kind, value] = input.contact ? ['kontak', input.contact] : ['peramban', input.browser];
  return `${kind}:${createHmac('sha256', secret).update(`dukung:${kind}:${value}`).digest('base64url').slice(0, 32)}`;
}

const isOpenPublic = (reportId: number) =>
  and(eq(reports.id, reportId), eq(reports.isConfidential, false), notInArray(reports.status, ['selesai', 'ditolak']));

/** Counts a support on the report: the count, the timeline and the contact that now follows it. */
async function countSupport(tx: Db, reportId: number, contact: string | null, now: Date): Promise<{ number: string; supportCount: number }> {
  const [row] = await tx
    .update(reports)
    .set({ supportCount: sql`${reports.supportCount} + 1`, lastActivityAt: now })
    .where(isOpenPublic(reportId))
    .returning({ number: reports.number, supportCount: reports.supportCount, status: reports.status });
  if (!row) throw new IntakeError('laporan_tidak_ditemukan');
  await tx.insert(reportEvents).values({ reportId, type: 'dukungan', fromStatus: row.status, toStatus: row.status, actorLabel: 'warga', createdAt: now });
  if (contact) await tx.insert(reportSubscribers).values({ reportId, contact }).onConflictDoNothing();
  return { number: row.number, supportCount: row.supportCount };
}

/**
 * Records a support of an open public report. Without a contact it counts at once, once per
 * browser (`sudah_didukung` after that). With one, a confirmation link is sent and nothing counts
 * yet; asking again with the same contact sends nothing more and answers the same, so the answer
 * never tells whether that contact supported the ticket before.
 */
export async function supportReport(db: Db, input: SupportInput, deps: { now: Date; site: string }): Promise<SupportOutcome> {
  const number = withoutNul(input.number);
  const typed = withoutNul(input.contact ?? '').trim();
  const contact = typed ? normalizedContact(typed) : null;
  if (typed && !contact) throw new IntakeError('kontak_tidak_valid');
  const key = supporterKey({ contact, browser: input.browser });
  return db.transaction(async (tx) => {
    const [report] = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.number, number), eq(reports.isConfidential, false), notInArray(reports.status, ['selesai', 'ditolak'])));
    if (!report) throw new IntakeError('laporan_tidak_ditemukan');
    const token = contact ? randomBytes(18).toString('base64url') : null;
    const [support] = await tx
      .insert(reportSupports)
      .values({ reportId: report.id, supporterKey: key, contact, token, confirmedAt: contact ? null : deps.now, createdAt: deps.now })
      .onConflictDoNothing()
      .returning({ id: reportSupports.id });
    if (!contact) {
      if (!support) throw new IntakeError('sudah_didukung');
      return { kind: 'dihitung', supportCount: (await countSupport(tx, report.id, null, deps.now)).supportCount };
    }
    if (!support) return { kind: 'menunggu_konfirmasi' };
    const sent = await consumeRateLimit(tx, { action: 'dukung-konfirmasi', limit: CONFIRMATIONS_PER_HOUR, windowSeconds: 3600 }, key, deps.now);
    if (!sent.allowed) throw new IntakeError('konfirmasi_terlalu_sering');
    const link = `${deps.site}/dukung/konfirmasi?kunci=${token}`;
    const kind = contactKind(contact);
    await enqueueNotification(tx, {
      kind,
      recipient: contact,
      subject: kind === 'email' ? `Konfirmasi dukungan laporan ${number}` : null,
      body: `Anda (atau seseorang) mendukung laporan ${number} di Aduan Jakarta dengan kontak ini. Dukungan dihitung, dan Anda menerima kabarnya, hanya setelah Anda mengonfirmasi: ${link}\nBila bukan Anda, abaikan pesan ini.`,
      reportId: report.id,
    });
    return { kind: 'menunggu_konfirmasi' };
  });
}

/**
 * The confirmation page's button (a POST; opening the link changes nothing): the support counts
 * and its contact follows the ticket. A link works once; the contact is then kept only among
 * the ticket's followers.
 */
export async function confirmSupport(db: Db, token: string, now: Date): Promise<{ number: string; supportCount: number }> {
  token = withoutNul(token).trim();
  if (!/^[A-Za-z0-9_-]{20,40}$/.test(token)) throw new IntakeError('tautan_dukungan_salah');
  return db.transaction(async (tx) => {
    const [support] = await tx
      .select({ id: reportSupports.id, reportId: reportSupports.reportId, contact: reportSupports.contact })
      .from(reportSupports)
      .where(and(eq(reportSupports.token, token), isNull(reportSupports.confirmedAt)))
      .for('update');
    if (!support) throw new IntakeError('tautan_dukungan_salah');
    await tx.update(reportSupports).set({ confirmedAt: now, token: null, contact: null }).where(eq(reportSupports.id, support.id));
    return countSupport(tx, support.reportId, support.contact, now);
  });
}
