'use server';

import { getDb } from '@/db/client';
import { reportChanged, reportPageChanged } from '@/lib/cache/pages';
import { createReport } from '@/lib/intake/create-report';
import { supportReport } from '@/lib/intake/support-report';
import { IntakeError, INTAKE_MESSAGE } from '@/lib/intake/errors';
import { fieldErrorCodes, MAX_PHOTOS, reportFormSchema } from '@/lib/intake/report-form';
import { ImageRejectedError, processImage, type ProcessedImage } from '@/lib/media/process-image';
import { getStorage } from '@/lib/media/storage';
import { clientAddress, logUnexpected, publicUrl } from '@/lib/server/request';
import { consumeRateLimit, reportRateLimit } from '@/lib/security/rate-limit';

type Message = { id: string; en: string };

export type SubmitReportState =
  | { ok: true; number: string; trackingUrl: string }
  | { ok: false; fieldErrors?: Record<string, string>; formError?: Message }
  | null;

/** Files a citizen's report from the /lapor form. */
export async function submitReport(_prev: SubmitReportState, formData: FormData): Promise<SubmitReportState> {
  const db = getDb();
  const now = new Date();
  try {
    const limit = await consumeRateLimit(db, reportRateLimit(), await clientAddress(), now);
    if (!limit.allowed) return { ok: false, formError: INTAKE_MESSAGE.terlalu_sering };

    const raw = Object.fromEntries(
      ['formToken', 'kategori', 'deskripsi', 'privasi', 'lat', 'lng', 'kelurahan', 'alamat', 'nama', 'telepon', 'email'].map(
        (k) => [k, String(formData.get(k) ?? '')],
      ),
    );
    const parsed = reportFormSchema.safeParse(raw);
    const files = formData.getAll('foto').filter((f): f is File => f instanceof File && f.size > 0);
    const fieldErrors = parsed.success ? {} : fieldErrorCodes(parsed.error);
    if (files.length > MAX_PHOTOS) fieldErrors.foto = 'foto_terlalu_banyak';
    const photos: ProcessedImage[] = [];
    if (!fieldErrors.foto) {
      for (const file of files) {
        try {
          photos.push(await processImage(Buffer.from(await file.arrayBuffer())));
        } catch (error) {
          if (!(error instanceof ImageRejectedError)) throw error;
          fieldErrors.foto = `foto_${error.code}`;
          break;
        }
      }
    }
    if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

    const f = parsed.data;
    const created = await createReport(
      db,
      {
        formToken: f.formToken,
        channelCode: 'web',
        categoryCode: f.kategori,
        description: f.deskripsi,
        isPublic: f.privasi === 'publik',
        lat: f.lat,
        lng: f.lng,
        kelurahanCode: f.lat === null ? f.kelurahan : null,
        address: f.alamat,
        reporterName: f.nama,
        reporterPhone: f.telepon,
        reporterEmail: f.email,
        photos,
      },
      { now, storage: getStorage(), publicUrl: publicUrl() },
    );
    if (created.isNew) {
      reportChanged(created.number);
    }
    return {
      ok: true,
      number: created.number,
      trackingUrl: `/lacak/${created.number}?kunci=${created.trackingKey}`,
    };
  } catch (error) {
    if (error instanceof IntakeError) {
      const location = ['di_luar_jakarta', 'kelurahan_tidak_dikenal', 'lokasi_wajib'].includes(error.code);
      return location ? { ok: false, fieldErrors: { lokasi: error.code } } : { ok: false, formError: INTAKE_MESSAGE[error.code] };
    }
    const id = logUnexpected('submitReport', error);
    return {
      ok: false,
      formError: {
        id: `Laporan belum tersimpan karena gangguan sistem. Silakan kirim ulang. (kode ${id})`,
        en: `The report was not saved because of a system error. Please send it again. (code ${id})`,
      },
    };
  }
}

export type SupportState = { ok: true; supportCount: number } | { ok: false; message: { id: string; en: string } } | null;

/** "Dukung" an existing open report instead of filing a duplicate. */
export async function supportExistingReport(number: string, contact: string): Promise<SupportState> {
  const db = getDb();
  const now = new Date();
  try {
    const limit = await consumeRateLimit(db, { ...reportRateLimit(), action: 'dukung' }, await clientAddress(), now);
    if (!limit.allowed) return { ok: false, message: INTAKE_MESSAGE.terlalu_sering };
    const cleaned = contact.trim().slice(0, 200);
    const supportCount = await supportReport(db, String(number).slice(0, 20), cleaned || null, now);
    reportPageChanged(String(number));
    return { ok: true, supportCount };
  } catch (error) {
    if (error instanceof IntakeError) return { ok: false, message: INTAKE_MESSAGE[error.code] };
    const id = logUnexpected('supportExistingReport', error);
    return { ok: false, message: { id: `Gangguan sistem (kode ${id}).`, en: `System error (code ${id}).` } };
  }
}
