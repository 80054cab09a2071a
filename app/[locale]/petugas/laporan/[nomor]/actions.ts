'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { reportChanged } from '@/lib/cache/pages';
import { MODERATION_ACTIONS, NEEDS_CONFIRMATION, STAFF_ACTIONS } from '@/lib/auth/permissions';
import { currentStaff } from '@/lib/auth/session';
import { photoUploadsFromForm } from '@/lib/media/capture-hint';
import { ImageRejectedError, processImage, type ProcessedImage } from '@/lib/media/process-image';
import { getStorage } from '@/lib/media/storage';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';
import { logUnexpected } from '@/lib/server/request';
import { StaffError } from '@/lib/staff/errors';
import { moderateReport } from '@/lib/staff/moderate';
import { performStaffAction } from '@/lib/staff/perform-action';
import { triageReport } from '@/lib/staff/triage';

const text = (max: number) => z.string().trim().max(max).transform((v) => (v === '' ? null : v));

/** A date field (YYYY-MM-DD) as the end of that working day, 17:00 WIB; anything else is no date. */
const day = z.string().transform((v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T17:00:00+07:00`) : null));

const schema = z.object({
  nomor: z.string().transform((v, ctx) => normalizeTicketNumber(v) ?? (ctx.addIssue({ code: 'custom', message: 'nomor' }), z.NEVER)),
  versi: z.coerce.number().int().min(1),
  aksi: z.enum(STAFF_ACTIONS),
  keterangan: text(2000),
  instansi: text(80),
  kelurahan: text(20),
  estimasi: day,
  batas: day,
  alasan: z.enum(['duplikat', 'bukan_kewenangan', 'tidak_valid']).nullable().catch(null),
  asli: text(20).transform((v) => (v ? normalizeTicketNumber(v) : null)),
});

/**
 * Every action form of the ticket workspace posts here. Authentication, role, jurisdiction,
 * version and state are all checked again on the server, inside performStaffAction.
 */
export async function staffTicketAction(formData: FormData) {
  const user = await currentStaff();
  if (!user) redirect('/masuk');
  const raw = Object.fromEntries(
    ['nomor', 'versi', 'aksi', 'keterangan', 'instansi', 'kelurahan', 'estimasi', 'batas', 'alasan', 'asli', 'yakin'].map((k) => [k, String(formData.get(k) ?? '')]),
  );
  const back = (message: string) => `/petugas/laporan/${encodeURIComponent(raw.nomor)}?pesan=${message}`;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) redirect(back('input_tidak_valid'));
  const f = parsed.data;
  // moving a ticket away or closing it takes a tick in the form (it works without JavaScript)
  if (NEEDS_CONFIRMATION.includes(f.aksi) && raw.yakin !== '1') redirect(back('konfirmasi_wajib'));
  let outcome = `ok_${f.aksi}`;
  try {
    const now = new Date();
    const photos: ProcessedImage[] = [];
    for (const { file, hint } of photoUploadsFromForm(formData, now).slice(0, 3)) photos.push(await processImage(Buffer.from(await file.arrayBuffer()), hint));
    await performStaffAction(
      getDb(),
      user,
      {
        number: f.nomor,
        version: f.versi,
        action: f.aksi,
        body: f.keterangan,
        targetAgencyCode: f.instansi,
        targetKelurahanCode: f.kelurahan,
        estimatedAt: f.estimasi,
        dueAt: f.batas,
        rejectReason: f.alasan,
        duplicateOf: f.asli,
        photos,
      },
      { now, storage: getStorage() },
    );
    reportChanged(String(f.nomor));
  } catch (error) {
    if (error instanceof StaffError) outcome = error.code;
    else if (error instanceof ImageRejectedError) outcome = `foto_${error.code}`;
    else outcome = `gangguan_${logUnexpected('staffTicketAction', error)}`;
  }
  redirect(back(outcome));
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
