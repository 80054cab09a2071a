import { z } from 'zod';
import { UNCATEGORISED } from '@/lib/reference/categories';
import { DESCRIPTION_MAX, MAX_PHOTOS } from './form-limits';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'terlalu_panjang')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .catch(null);

const optionalNumber = z.preprocess(
  (v) => (v === '' || v === null || v === undefined ? null : Number(v)),
  z.number({ error: 'koordinat_salah' }).finite('koordinat_salah').nullable(),
);

/** The citizen report form, as it arrives from the browser (all strings). */
export const reportFormSchema = z
  .object({
    formToken: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'formulir_kedaluwarsa'),
    // citizens choose a category; only channels without one leave it to triage
    kategori: z.string().min(1, 'kategori_wajib').max(40, 'kategori_wajib').refine((c) => c !== UNCATEGORISED, 'kategori_wajib'),
    deskripsi: z.string().trim().min(15, 'deskripsi_pendek').max(DESCRIPTION_MAX, 'deskripsi_panjang'),
    privasi: z.enum(['privat', 'publik']).catch('privat'),
    lat: optionalNumber.refine((v) => v === null || (v >= -90 && v <= 90), 'koordinat_salah'),
    lng: optionalNumber.refine((v) => v === null || (v >= -180 && v <= 180), 'koordinat_salah'),
    kelurahan: z
      .string()
      .trim()
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .catch(null),
    alamat: optionalText(300),
    nama: optionalText(100),
    telepon: z
      .string()
      .trim()
      .transform((v) => v.replace(/[\s-]/g, ''))
      .refine((v) => v === '' || /^(\+62|62|0)8\d{7,12}$/.test(v), 'telepon_salah')
      .transform((v) => (v === '' ? null : v)),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => v === '' || z.email().safeParse(v).success, 'email_salah')
      .transform((v) => (v === '' ? null : v)),
  })
  .refine((f) => (f.lat === null) === (f.lng === null), { message: 'koordinat_salah', path: ['lokasi'] })
  .refine((f) => f.lat !== null || f.kelurahan !== null, { message: 'lokasi_wajib', path: ['lokasi'] });

export type ReportFormInput = z.infer<typeof reportFormSchema>;

// the same limits as the form's counter and photo checks in the browser
export { DESCRIPTION_MAX, MAX_PHOTOS };

/** Field errors as codes, the first per field; the form shows them in the reader's language. */
export function fieldErrorCodes(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message;
  }
  return out;
}
