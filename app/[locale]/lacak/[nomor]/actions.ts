'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { reportChanged } from '@/lib/cache/pages';
import { IntakeError } from '@/lib/intake/errors';
import type { Db } from '@/db/connect';
import { addInformation, confirmDone, disputeFollowUp, isTrackingKeyValid, rateReport, reopenReport } from '@/lib/intake/tracking';
import { ImageRejectedError, processImage } from '@/lib/media/process-image';
import { getStorage } from '@/lib/media/storage';
import { removePhotos, storePhotos, type StoredPhoto } from '@/lib/media/store-photos';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';
import { logUnexpected } from '@/lib/server/request';

const baseSchema = z.object({
  nomor: z.string().transform((v, ctx) => normalizeTicketNumber(v) ?? (ctx.addIssue({ code: 'custom', message: 'nomor' }), z.NEVER)),
  kunci: z.string().min(1).max(64),
});

const schemas = {
  informasi: baseSchema.extend({ teks: z.string().trim().min(5).max(2000) }),
  konfirmasi: baseSchema,
  buka: baseSchema.extend({ alasan: z.string().trim().min(5).max(1000) }),
  sanggah: baseSchema.extend({ alasan: z.string().trim().min(5).max(1000) }),
  nilai: baseSchema.extend({
    skor: z.coerce.number().int().min(1).max(5),
    komentar: z.string().trim().max(1000).transform((v) => (v === '' ? null : v)),
  }),
};

type Kind = keyof typeof schemas;

/**
 * One action for the private tracking page's forms. Each form posts `aksi`; the outcome is
 * shown after a redirect back to the page (works without JavaScript).
 */
export async function trackingAction(formData: FormData) {
  const kind = String(formData.get('aksi')) as Kind;
  const schema = schemas[kind];
  const raw = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string'));
  const back = (message: string) =>
    `/lacak/${encodeURIComponent(String(raw.nomor ?? ''))}?kunci=${encodeURIComponent(String(raw.kunci ?? ''))}&pesan=${message}`;
  if (!schema) redirect(back('tidak_valid'));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) redirect(back(`tidak_valid_${kind}`));
  const d = parsed.data as { nomor: string; kunci: string; teks?: string; alasan?: string; skor?: number; komentar?: string | null };
  const { nomor, kunci } = d;
  const now = new Date();
  let outcome = `ok_${kind}`;
  try {
    const db = getDb();
    if (kind === 'informasi') await addInformation(db, nomor, kunci, d.teks!, now);
    if (kind === 'konfirmasi') await confirmDone(db, nomor, kunci, now);
    if (kind === 'buka') await reopenReport(db, nomor, kunci, d.alasan!, now);
    if (kind === 'nilai') await rateReport(db, nomor, kunci, d.skor!, d.komentar ?? null, now);
    if (kind === 'sanggah') await dispute(db, nomor, kunci, d.alasan!, formData.get('foto'), now);
    reportChanged(String(nomor));
  } catch (error) {
    if (error instanceof ImageRejectedError) outcome = 'foto_tidak_valid';
    else if (error instanceof IntakeError) outcome = error.code;
    else outcome = `gangguan_${logUnexpected('trackingAction', error)}`;
  }
  redirect(back(outcome));
}

/**
 * A dispute, with the citizen's photo stored (and removed again if the dispute is not recorded).
 * The key is checked before the photo is read, so that a wrong link costs no image work or storage.
 */
async function dispute(db: Db, nomor: string, kunci: string, text: string, file: FormDataEntryValue | null, now: Date) {
  if (!(await isTrackingKeyValid(db, nomor, kunci))) throw new IntakeError('kunci_salah');
  const stored: StoredPhoto[] = [];
  try {
    if (file instanceof File && file.size > 0) await storePhotos(getStorage(), [await processImage(Buffer.from(await file.arrayBuffer()))], now, stored, db);
    await disputeFollowUp(db, nomor, kunci, text, stored[0] ?? null, now);
  } catch (error) {
    await removePhotos(getStorage(), stored);
    throw error;
  }
}
