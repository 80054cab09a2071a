'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { reportChanged } from '@/lib/cache/pages';
import { MODERATION_ACTIONS } from '@/lib/auth/permissions';
import { currentStaff } from '@/lib/auth/session';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';
import { logUnexpected } from '@/lib/server/request';
import { StaffError } from '@/lib/staff/errors';
import { moderateReport } from '@/lib/staff/moderate';
import { formTicket, runTicketAction, text } from '@/lib/staff/ticket-form';
import { triageReport } from '@/lib/staff/triage';

/**
 * Every action form of the ticket workspace posts here (lib/staff/ticket-form.ts). Authentication,
 * role, jurisdiction, version and state are all checked again on the server, inside performStaffAction.
 */
export async function staffTicketAction(formData: FormData) {
  const user = await currentStaff();
  if (!user) redirect('/masuk');
  const outcome = await runTicketAction(user, formData);
  redirect(`/petugas/laporan/${encodeURIComponent(formTicket(formData))}?pesan=${outcome}`);
}

const triageSchema = z.object({
  nomor: z.string().transform((v, ctx) => normalizeTicketNumber(v) ?? (ctx.addIssue({ code: 'custom', message: 'nomor' }), z.NEVER)),
  versi: z.coerce.number().int().min(1),
  kategori: z.string().trim().max(40),
  kelurahan: text(20),
  lat: z.string().transform((v) => (v.trim() === '' ? null : Number(v))).pipe(z.number().min(-90).max(90).nullable()),
  lng: z.string().transform((v) => (v.trim() === '' ? null : Number(v))).pipe(z.number().min(-180).max(180).nullable()),
});

/** Sets place and category of a ticket waiting in triage; permissions are checked in triageReport. */
export async function triageAction(formData: FormData) {
  const user = await currentStaff();
  if (!user) redirect('/masuk');
  const raw = Object.fromEntries(['nomor', 'versi', 'kategori', 'kelurahan', 'lat', 'lng'].map((k) => [k, String(formData.get(k) ?? '')]));
  const back = (message: string) => `/petugas/laporan/${encodeURIComponent(raw.nomor)}?pesan=${message}`;
  const parsed = triageSchema.safeParse(raw);
  if (!parsed.success) redirect(back('input_tidak_valid'));
  const f = parsed.data;
  let outcome = 'ok_triase';
  try {
    await triageReport(getDb(), user, { number: f.nomor, version: f.versi, categoryCode: f.kategori, kelurahanCode: f.kelurahan, lat: f.lat, lng: f.lng }, new Date());
    reportChanged(f.nomor);
  } catch (error) {
    outcome = error instanceof StaffError ? error.code : `gangguan_${logUnexpected('triageAction', error)}`;
  }
  redirect(back(outcome));
}

const moderationSchema = z.object({
  nomor: z.string().transform((v, ctx) => normalizeTicketNumber(v) ?? (ctx.addIssue({ code: 'custom', message: 'nomor' }), z.NEVER)),
  versi: z.coerce.number().int().min(1),
  apa: z.enum(MODERATION_ACTIONS),
  foto: z.string().transform((v) => (v === '' ? null : Number(v))).pipe(z.number().int().positive().nullable()),
});

/**
 * The moderation forms of the ticket workspace (public text and photos). The reason and the new
 * text are validated, and role, jurisdiction and version checked, on the server in moderateReport.
 */
export async function moderationAction(formData: FormData) {
  const user = await currentStaff();
  if (!user) redirect('/masuk');
  const raw = Object.fromEntries(['nomor', 'versi', 'apa', 'foto', 'alasan', 'teks'].map((k) => [k, String(formData.get(k) ?? '')]));
  const back = (message: string) => `/petugas/laporan/${encodeURIComponent(raw.nomor)}?pesan=${message}#moderasi`;
  const parsed = moderationSchema.safeParse(raw);
  if (!parsed.success) redirect(back('input_tidak_valid'));
  const f = parsed.data;
  let outcome = `ok_${f.apa}`;
  try {
    await moderateReport(
      getDb(),
      user,
      { number: f.nomor, version: f.versi, what: f.apa, reason: raw.alasan, text: f.apa === 'sunting_teks' ? raw.teks : null, attachmentId: f.foto },
      { now: new Date() },
    );
    reportChanged(f.nomor);
  } catch (error) {
    outcome = error instanceof StaffError ? error.code : `gangguan_${logUnexpected('moderationAction', error)}`;
  }
  redirect(back(outcome));
}
