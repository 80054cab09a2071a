import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { reportChanged } from '@/lib/cache/pages';
import { NEEDS_CONFIRMATION, STAFF_ACTIONS, type StaffUser } from '@/lib/auth/permissions';
import { photoUploadsFromForm } from '@/lib/media/capture-hint';
import { ImageRejectedError, processImage, type ProcessedImage } from '@/lib/media/process-image';
import { getStorage } from '@/lib/media/storage';
import { normalizeTicketNumber } from '@/lib/reports/ticket-number';
import { logUnexpected } from '@/lib/server/request';
import { StaffError } from './errors';
import { performStaffAction } from './perform-action';

export const text = (max: number) => z.string().trim().max(max).transform((v) => (v === '' ? null : v));

/** A date field (YYYY-MM-DD) as the end of that working day, 17:00 WIB; anything else is no date. */
const day = z.string().transform((v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T17:00:00+07:00`) : null));

const ticketActionSchema = z.object({
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

const FIELDS = ['nomor', 'versi', 'aksi', 'keterangan', 'instansi', 'kelurahan', 'estimasi', 'batas', 'alasan', 'asli', 'yakin'];

/** The ticket number a form names, as typed (for the page to go back to). */
export function formTicket(formData: FormData): string {
  return String(formData.get('nomor') ?? '');
}

/**
 * One action form of the ticket workspace, for the signed-in official: the server action
 * (staffTicketAction) and the follow-up route of the offline queue both run it. Authentication
 * is the caller's; role, jurisdiction, version and state are checked in performStaffAction.
 * Answers an outcome code: `ok_<action>`, a StaffError code, `foto_<rejection>`,
 * `input_tidak_valid`, `konfirmasi_wajib` or `gangguan_<log id>`.
 */
export async function runTicketAction(user: StaffUser, formData: FormData): Promise<string> {
  const raw = Object.fromEntries(FIELDS.map((k) => [k, String(formData.get(k) ?? '')]));
  const parsed = ticketActionSchema.safeParse(raw);
  if (!parsed.success) return 'input_tidak_valid';
  const f = parsed.data;
  // moving a ticket away or closing it takes a tick in the form (it works without JavaScript)
  if (NEEDS_CONFIRMATION.includes(f.aksi) && raw.yakin !== '1') return 'konfirmasi_wajib';
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
    return `ok_${f.aksi}`;
  } catch (error) {
    if (error instanceof StaffError) return error.code;
    if (error instanceof ImageRejectedError) return `foto_${error.code}`;
    return `gangguan_${logUnexpected('staffTicketAction', error)}`;
  }
}
