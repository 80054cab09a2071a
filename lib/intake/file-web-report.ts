import 'server-only';
import { getDb } from '@/db/client';
import { reportChanged } from '@/lib/cache/pages';
import { createReport, findByFormToken } from '@/lib/intake/create-report';
import { IntakeError, INTAKE_MESSAGE } from '@/lib/intake/errors';
import { fieldErrorCodes, MAX_PHOTOS, reportFormSchema } from '@/lib/intake/report-form';
import { citizenLimits, limitMessage, reportChecks, runLimited } from '@/lib/intake/submission-limit';
import { photoUploadsFromForm } from '@/lib/media/capture-hint';
import { ImageRejectedError } from '@/lib/media/process-image';
import { acceptImage, type AcceptedImage } from '@/lib/media/quarantine';
import { getStorage } from '@/lib/media/storage';
import { browserToken } from '@/lib/server/browser-token';
import { clientAddress, logUnexpected, requestPublicUrl } from '@/lib/server/request';
import { trackingKey } from '@/lib/security/secret';

type Message = { id: string; en: string };

export type WebReportResult =
  | { ok: true; number: string; trackingUrl: string }
  /** isSystemError: nothing was refused, the server failed (the same form may be sent again) */
  | { ok: false; fieldErrors?: Record<string, string>; formError?: Message; retryAfterMinutes?: number; isSystemError?: true };

/**
 * Files a citizen's report from the /lapor form: validation, the submission limits, the photo
 * checks and the ticket. The one path of the server action (submitReport) and of the upload
 * route (POST /api/laporan/kirim), which the form uses to show upload progress. Reads the
 * request's headers and cookies (browser token, client address, public address).
 */
export async function fileWebReport(formData: FormData): Promise<WebReportResult> {
  const db = getDb();
  const now = new Date();
  try {
    const raw = Object.fromEntries(
      ['formToken', 'kategori', 'deskripsi', 'privasi', 'lat', 'lng', 'kelurahan', 'alamat', 'nama', 'telepon', 'email'].map(
        (k) => [k, String(formData.get(k) ?? '')],
      ),
    );
    // a browser sends a textarea's line breaks as CRLF: count each as one character, as the form's counter does
    raw.deskripsi = raw.deskripsi.replace(/\r\n?/g, '\n');
    const parsed = reportFormSchema.safeParse(raw);
    const files = photoUploadsFromForm(formData, now);
    const fieldErrors = parsed.success ? {} : fieldErrorCodes(parsed.error);
    if (files.length > MAX_PHOTOS) fieldErrors.foto = 'foto_terlalu_banyak';
    // Photos are decoded only for an otherwise valid form, within the limits below.
    if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

    const f = parsed.data;
    const limits = citizenLimits();
    const who = { browser: await browserToken(), address: await clientAddress(), contacts: [f.telepon, f.email] };
    // Only an accepted report counts: a refused form, a refused photo or a retry of the same form is given back.
    const outcome = await runLimited(db, reportChecks(limits, who), limits.windowSeconds, now, async () => {
      const photos: AcceptedImage[] = [];
      for (const { file, hint } of files) {
        try {
          photos.push(await acceptImage(Buffer.from(await file.arrayBuffer()), hint));
        } catch (error) {
          if (!(error instanceof ImageRejectedError)) throw error;
          return { kind: 'foto', code: `foto_${error.code}` } as const;
        }
      }
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
        // the reporter's private link goes to the address they reached the portal by
        { now, storage: getStorage(), publicUrl: await requestPublicUrl() },
      );
      return { kind: 'diterima', created } as const;
    }, (r) => r.kind === 'diterima' && r.created.isNew);
    if (outcome.refused) {
      // a resend of a report that did arrive (its answer was lost on the way) gets its ticket
      const filed = await findByFormToken(db, f.formToken);
      if (filed) return { ok: true, number: filed, trackingUrl: `/lacak/${filed}?kunci=${trackingKey(f.formToken)}` };
      return { ok: false, formError: limitMessage('lapor', outcome.refused, limits.windowSeconds), retryAfterMinutes: outcome.refused.retryAfterMinutes };
    }
    if (outcome.result.kind === 'foto') return { ok: false, fieldErrors: { foto: outcome.result.code } };
    const { created } = outcome.result;
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
    const id = logUnexpected('fileWebReport', error);
    return {
      ok: false,
      isSystemError: true,
      formError: {
        id: `Laporan belum tersimpan karena gangguan sistem. Silakan kirim ulang. (kode ${id})`,
        en: `The report was not saved because of a system error. Please send it again. (code ${id})`,
      },
    };
  }
}
