'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { currentStaff } from '@/lib/auth/session';
import { reportChanged } from '@/lib/cache/pages';
import { IntakeError, INTAKE_MESSAGE } from '@/lib/intake/errors';
import { fieldErrorCodes } from '@/lib/intake/report-form';
import { ImageRejectedError } from '@/lib/media/process-image';
import { acceptImage, type AcceptedImage } from '@/lib/media/quarantine';
import { getStorage } from '@/lib/media/storage';
import { logUnexpected, requestPublicUrl } from '@/lib/server/request';
import { deskSchema, recordAtDesk } from '@/lib/staff/desk';
import { StaffError, STAFF_MESSAGE } from '@/lib/staff/errors';

export type DeskState = { fieldErrors?: Record<string, string>; formError?: { id: string; en: string } } | null;

const FIELDS = ['formToken', 'kanal', 'referensi', 'nama', 'telepon', 'email', 'deskripsi', 'kategori', 'lokasi', 'lat', 'lng', 'kelurahan', 'alamat', 'privasi'];

/** Records a complaint at a desk; on success shows its receipt. Role and channel are checked in recordAtDesk. */
export async function recordComplaint(_prev: DeskState, formData: FormData): Promise<DeskState> {
  const user = await currentStaff();
  if (!user) redirect('/masuk');
  const raw = Object.fromEntries(FIELDS.map((k) => [k, String(formData.get(k) ?? '')]));
  const parsed = deskSchema.safeParse({ ...raw, lat: raw.lat === '' ? null : raw.lat, lng: raw.lng === '' ? null : raw.lng });
  if (!parsed.success) return { fieldErrors: fieldErrorCodes(parsed.error) };
  const photos: AcceptedImage[] = [];
  let created;
  try {
    for (const file of formData.getAll('foto').filter((f): f is File => f instanceof File && f.size > 0).slice(0, 5)) {
      photos.push(await acceptImage(Buffer.from(await file.arrayBuffer())));
    }
    created = await recordAtDesk(getDb(), user, parsed.data, photos, { now: new Date(), storage: getStorage(), publicUrl: await requestPublicUrl() });
  } catch (error) {
    if (error instanceof ImageRejectedError) return { fieldErrors: { foto: 'foto' } };
    if (error instanceof IntakeError) return { formError: INTAKE_MESSAGE[error.code] };
    if (error instanceof StaffError) return { formError: STAFF_MESSAGE[error.code] };
    const id = logUnexpected('meja layanan', error);
    return { formError: { id: `Gangguan sementara; coba lagi (kode ${id}).`, en: `Temporary failure; try again (code ${id}).` } };
  }
  if (created.isNew) reportChanged(created.number);
  redirect(`/petugas/catat/${created.number}?kunci=${created.trackingKey}`);
}
