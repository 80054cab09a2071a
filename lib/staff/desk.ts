import { z } from 'zod';
import type { Db } from '@/db/connect';
import type { StaffUser } from '@/lib/auth/permissions';
import { createReport, type CreatedReport } from '@/lib/intake/create-report';
import type { ProcessedImage } from '@/lib/media/process-image';
import type { AcceptedImage } from '@/lib/media/quarantine';
import type { MediaStorage } from '@/lib/media/storage';
import { CHANNELS } from '@/lib/reference/channels';
import { StaffError } from './errors';

/** Channels only the app itself files from: never typed in at a desk. */
const APP_CHANNELS = ['jaki', 'web', 'open311'];

/** The channels an official may record at their desk: operators all typed-in ones, offices their own. */
export function deskChannels(user: StaffUser): string[] {
  switch (user.role) {
    case 'operator':
    case 'admin':
      return CHANNELS.map((c) => c.code).filter((c) => !APP_CHANNELS.includes(c));
    case 'lurah':
      return ['kantor-lurah'];
    case 'camat':
      return ['kantor-camat'];
    case 'walikota':
      return ['kantor-walikota'];
    default:
      return [];
  }
}

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v));

export const deskSchema = z
  .object({
    formToken: z.string().min(16).max(100),
    kanal: z.string().min(1).max(40),
    referensi: optional(200),
    nama: optional(100),
    telepon: optional(20).pipe(z.string().regex(/^\+?\d{8,15}$/, 'telepon_salah').nullable()),
    email: optional(200).pipe(z.email('email_salah').nullable()),
    deskripsi: z.string().trim().min(10, 'deskripsi_pendek').max(5000),
    kategori: optional(40),
    lokasi: z.enum(['titik', 'kelurahan', 'tidak_diketahui']),
    lat: z.coerce.number().min(-90).max(90).nullable(),
    lng: z.coerce.number().min(-180).max(180).nullable(),
    kelurahan: optional(20),
    alamat: optional(300),
    privasi: z.enum(['publik', 'pribadi']),
  })
  .refine((d) => d.lokasi !== 'titik' || (d.lat !== null && d.lng !== null), { message: 'lokasi_wajib', path: ['lat'] })
  .refine((d) => d.lokasi !== 'kelurahan' || d.kelurahan !== null, { message: 'lokasi_wajib', path: ['kelurahan'] });
export type DeskInput = z.infer<typeof deskSchema>;

/**
 * A complaint typed in at a desk (walk-in, phone, social media, e-mail, SMS, mass media,
 * LAPOR!): filed like any report, with the channel and its reference, and marked as recorded by
 * the official. A reference seen before in that channel gives back the ticket already filed.
 */
export async function recordAtDesk(
  db: Db,
  user: StaffUser,
  input: DeskInput,
  photos: (AcceptedImage | ProcessedImage)[],
  deps: { now: Date; storage: MediaStorage; publicUrl: string },
): Promise<CreatedReport> {
  if (!deskChannels(user).includes(input.kanal)) throw new StaffError('tidak_berwenang');
  return createReport(
    db,
    {
      formToken: input.referensi ? `kanal:${input.kanal}:${input.referensi}` : input.formToken,
      channelCode: input.kanal,
      channelRef: input.referensi,
      categoryCode: input.kategori,
      description: input.deskripsi,
      isPublic: input.privasi === 'publik',
      lat: input.lokasi === 'titik' ? input.lat : null,
      lng: input.lokasi === 'titik' ? input.lng : null,
      kelurahanCode: input.lokasi === 'kelurahan' ? input.kelurahan : null,
      address: input.alamat,
      reporterName: input.nama,
      reporterPhone: input.telepon,
      reporterEmail: input.email,
      photos,
      allowUnlocated: true,
      recordedBy: user.id,
    },
    deps,
  );
}
